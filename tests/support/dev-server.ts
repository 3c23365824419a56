import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_CARD_CACHE } from './build.ts';
import { copyFollowingLinks, linkProject } from './fixture-site.ts';
import { astroBin, root } from './paths.ts';

/**
 * A throwaway copy of the site for `astro dev`, with the given fixture essays.
 * Not under tests/.tmp, as the build tests' sites are: the config tells the dev
 * server's watcher to ignore that folder, so it would never see an edit there.
 * Its node_modules links each of the project's packages, so that the site
 * resolves them, but keeps caches of its own (node_modules/.astro, .vite).
 */
export function makeDevSite(essays: Record<string, string>): string {
  const site = mkdtempSync(path.join(os.tmpdir(), 'essays-dev-'));
  mkdirSync(path.join(site, 'content/essays'), { recursive: true });
  // Its own copy of src/: through a linked one, Vite serves the components from outside the root and loses their styles.
  linkProject(site, { copySource: true });
  const modules = path.join(site, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(path.join(root, 'node_modules'))) {
    if (!name.startsWith('.')) symlinkSync(path.join(root, 'node_modules', name), path.join(modules, name));
  }
  for (const [slug, from] of Object.entries(essays)) copyFollowingLinks(from, path.join(site, 'content/essays', slug));
  return site;
}

export interface DevServer {
  url: string;
  /** Everything the server has printed so far. */
  output(): string;
  close(): Promise<void>;
}

/** Starts `astro dev` on a free port for the site at `site`, resolving once it serves. */
export async function startDev(site: string): Promise<DevServer> {
  const child: ChildProcess = spawn(astroBin, ['dev', '--root', site, '--port', '0', '--host', '127.0.0.1'], {
    cwd: site,
    env: { ...ownEnv(), ESSAY_CARD_CACHE: TEST_CARD_CACHE, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      // Astro prints the address it listens on once the server is ready: "Local    http://127.0.0.1:43817/".
      const match = output.match(/Local\s+(http:\/\/\S+?)\/?\s/);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`astro dev exited before it served:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    close: async () => {
      child.kill();
      await exited;
      rmSync(site, { recursive: true, force: true });
    },
  };
}

/**
 * The environment without what Vitest's own Vite sets (MODE=test, DEV, PROD,
 * BASE_URL, NODE_ENV…): the dev server's Vite would take them as its own, and
 * served every essay's address as the 404 page under MODE=test.
 */
function ownEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'NODE_ENV', 'TEST']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}
