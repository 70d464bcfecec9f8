export function onPath(name: string): string | undefined;
export function locateChromium(): string | undefined;
export function findChromium(): string | undefined;
export const CHROMIUM_ARGS: string[];
