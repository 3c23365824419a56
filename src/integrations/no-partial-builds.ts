import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * A failed build leaves no site behind: not the pages it wrote before it
 * failed, and not an older, complete-looking `dist/` that someone might
 * publish believing it new. Whatever fails (an essay the loader refuses, a
 * page that throws, a broken link, the search index), the output folder is
 * removed as the build exits with an error. Listed last, so that a build
 * counts as done only when every other integration's last hook has run.
 */
export default function noPartialBuilds(): AstroIntegration {
  let done = false;
  return {
    name: 'essay-publisher:no-partial-builds',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        const outDir = fileURLToPath(config.outDir);
        process.on('exit', (code) => {
          if (code !== 0 && !done) rmSync(outDir, { recursive: true, force: true });
        });
      },
      'astro:build:done': () => {
        done = true;
      },
    },
  };
}
