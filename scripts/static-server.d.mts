export function serveStatic(
  root: string,
  options?: { basePath?: string; port?: number; headers?: Record<string, string> },
): Promise<{ url: string; close: () => Promise<void> }>;
