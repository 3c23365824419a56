import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Installs one of bench/'s own packages (`peer`: Starlight; `tools`: Lighthouse)
 * from its lock file into `<into>`, unless that exact install is already there.
 * They are never dependencies of the site. Returns the package's dependencies.
 */
export function installBenchPackage(name: 'peer' | 'tools', into: string): Record<string, string> {
  const manifest = path.join(root, 'bench', name, 'package.json');
  const lock = path.join(root, 'bench', name, 'package-lock.json');
  mkdirSync(into, { recursive: true });
  const stamp = path.join(into, 'node_modules/.bench-lock');
  const wanted = readFileSync(lock, 'utf8');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted) {
    console.log(`bench: installing bench/${name} (npm ci in ${path.relative(root, into)})…`);
    copyFileSync(manifest, path.join(into, 'package.json'));
    copyFileSync(lock, path.join(into, 'package-lock.json'));
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: into, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`could not install bench/${name} (npm ci in ${into} failed; see above).`);
    writeFileSync(stamp, wanted);
  }
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies: Record<string, string> }).dependencies;
}

/** Where bench/tools is installed: Lighthouse is imported from there. */
export const toolsDir = path.join(root, 'bench/out/tools');
