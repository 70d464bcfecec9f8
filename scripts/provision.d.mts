export interface Machine {
  isRoot: boolean;
  hasSudo: boolean;
  hasAptGet: boolean;
}
export interface Step {
  label: string;
  commands: string[][];
}
export function probeMachine(): Machine;
export function aptInstallCommands(pkg: string, machine: Machine): string[][] | null;
export const CHROMIUM_MISSING: string;
export const NGINX_MISSING: string;
export function chromiumPlan(state: Machine & { chromiumFound: boolean }): Step[];
export function nginxPlan(state: Machine & { nginxFound: boolean }): Step[];
export function provide(
  steps: Step[],
  found: () => boolean | Promise<boolean>,
  io?: { run?: (command: string[]) => number; log?: (line: string) => void },
): Promise<boolean>;
export function locateNginx(): string | undefined;
export function ensureChromium(): Promise<boolean>;
export function ensureNginx(): Promise<string | undefined>;
