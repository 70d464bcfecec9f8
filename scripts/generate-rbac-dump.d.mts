export function generateRbacDump(options: { count: number }): { apiVersion: string; items: unknown[]; kind: string; metadata: Record<string, unknown> };
export function generateRbacJson(options: { count: number }): string;
