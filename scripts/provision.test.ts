import { describe, expect, it } from 'vitest';
import { chromiumPlan, nginxPlan, provide, type Step } from './provision.mjs';

const commandsOf = (steps: Step[]) => steps.map((s) => s.commands.map((c) => c.join(' ')));

describe('getting a Chromium for the browser tests', () => {
  it('does nothing when one is there', () => {
    expect(chromiumPlan({ chromiumFound: true, isRoot: true, hasSudo: false, hasAptGet: true })).toEqual([]);
  });

  it("as root with apt-get: Debian's chromium first, then Playwright's browser with its libraries", () => {
    expect(commandsOf(chromiumPlan({ chromiumFound: false, isRoot: true, hasSudo: false, hasAptGet: true }))).toEqual([
      ['apt-get update -qq', 'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'],
      ['npx playwright install --with-deps chromium'],
    ]);
  });

  it('with passwordless sudo: apt-get through sudo -n, then Playwright without system libraries', () => {
    expect(commandsOf(chromiumPlan({ chromiumFound: false, isRoot: false, hasSudo: true, hasAptGet: true }))).toEqual([
      ['sudo -n apt-get update -qq', 'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'],
      ['npx playwright install chromium'],
    ]);
  });

  it('without root or sudo, or without apt-get: only Playwright', () => {
    expect(commandsOf(chromiumPlan({ chromiumFound: false, isRoot: false, hasSudo: false, hasAptGet: true }))).toEqual([['npx playwright install chromium']]);
    expect(commandsOf(chromiumPlan({ chromiumFound: false, isRoot: true, hasSudo: false, hasAptGet: false }))).toEqual([['npx playwright install --with-deps chromium']]);
    expect(commandsOf(chromiumPlan({ chromiumFound: false, isRoot: false, hasSudo: true, hasAptGet: false }))).toEqual([['npx playwright install chromium']]);
  });

  it('says what each step runs', () => {
    const [apt, playwright] = chromiumPlan({ chromiumFound: false, isRoot: false, hasSudo: true, hasAptGet: true });
    expect(apt?.label).toBe("Installing Debian's chromium (sudo -n apt-get update -qq && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)");
    expect(playwright?.label).toBe("Installing Playwright's Chromium (npx playwright install chromium)");
  });
});

describe('getting nginx for the hosting recipe test', () => {
  it("installs Debian's nginx only where apt-get can run, and nothing when it is there", () => {
    expect(nginxPlan({ nginxFound: true, isRoot: true, hasSudo: false, hasAptGet: true })).toEqual([]);
    expect(commandsOf(nginxPlan({ nginxFound: false, isRoot: true, hasSudo: false, hasAptGet: true }))).toEqual([
      ['apt-get update -qq', 'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx'],
    ]);
    expect(nginxPlan({ nginxFound: false, isRoot: false, hasSudo: false, hasAptGet: true })).toEqual([]);
    expect(nginxPlan({ nginxFound: false, isRoot: true, hasSudo: false, hasAptGet: false })).toEqual([]);
  });
});

describe('running a plan', () => {
  const plan = chromiumPlan({ chromiumFound: false, isRoot: true, hasSudo: false, hasAptGet: true });

  /** A machine where only the listed commands succeed, and the browser appears once `installs` ran. */
  function machine(succeeds: string[], installs: string) {
    const ran: string[] = [];
    let installed = false;
    return {
      ran,
      log: [] as string[],
      run: (command: string[]) => {
        const line = command.join(' ');
        ran.push(line);
        if (line === installs && succeeds.includes(line)) installed = true;
        return succeeds.includes(line) ? 0 : 1;
      },
      found: () => installed,
    };
  }

  it('stops at the first way that leaves a Chromium behind', async () => {
    const m = machine(['apt-get update -qq', 'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], 'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
    expect(await provide(plan, m.found, { run: m.run, log: (l) => m.log.push(l) })).toBe(true);
    expect(m.ran).toEqual(['apt-get update -qq', 'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
    expect(m.log).toEqual([plan[0]?.label]);
  });

  it('moves on to Playwright when apt-get fails', async () => {
    const m = machine(['npx playwright install --with-deps chromium'], 'npx playwright install --with-deps chromium');
    expect(await provide(plan, m.found, { run: m.run, log: (l) => m.log.push(l) })).toBe(true);
    expect(m.ran).toEqual(['apt-get update -qq', 'npx playwright install --with-deps chromium']);
    expect(m.log).toEqual([plan[0]?.label, '  … that did not work.', plan[1]?.label]);
  });

  it('does not take a step that says it worked but left no browser behind', async () => {
    const m = machine(['apt-get update -qq', 'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', 'npx playwright install --with-deps chromium'], 'npx playwright install --with-deps chromium');
    expect(await provide(plan, m.found, { run: m.run, log: (l) => m.log.push(l) })).toBe(true);
    expect(m.ran).toHaveLength(3);
  });

  it('reports failure when every way fails', async () => {
    const m = machine([], '');
    expect(await provide(plan, m.found, { run: m.run, log: (l) => m.log.push(l) })).toBe(false);
    expect(m.ran).toEqual(['apt-get update -qq', 'npx playwright install --with-deps chromium']);
  });
});
