// npm run bench:check: installs bench/tools (Lighthouse) into bench/out/tools,
// then runs the benchmark harness's tests and the Lighthouse audits
// (bench/*.test.ts). CI runs it after `npm test`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { installBenchPackage, toolsDir } from './lib/install.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
installBenchPackage('tools', toolsDir);
const vitest = spawnSync('npx', ['vitest', 'run', '--config', 'bench/vitest.config.ts'], { cwd: root, stdio: 'inherit' });
process.exit(vitest.status ?? 1);
