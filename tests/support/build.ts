import { spawnSync } from 'node:child_process';
import { astroBin } from './paths.ts';

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `astro build` for the project at `root` and returns its exit code and combined output. */
export function buildSite(root: string, env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(astroBin, ['build', '--root', root], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
