export function generateSecretList(options: { count: number; nowSeconds?: number; seed?: number }): string;
