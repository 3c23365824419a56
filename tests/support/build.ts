import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { astroBin, root as project } from './paths.ts';

/** Cards drawn by test builds are kept here, never in the project's own cache (src/build/cards/cache.ts). */
export const TEST_CARD_CACHE = path.join(project, 'tests/.tmp/card-cache');

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `astro build` for the project at `root` and returns its exit code and combined output. */
export function buildSite(root: string, env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(astroBin, ['build', '--root', root], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ESSAY_CARD_CACHE: TEST_CARD_CACHE, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
