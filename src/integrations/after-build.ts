import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';

/** What a step after the build works on: the built site's folder, Astro's resolved config, the integration's logger. */
export interface BuiltSite {
  /** dist/, as a path ending in a separator. */
  dir: string;
  config: AstroConfig;
  logger: AstroIntegrationLogger;
}

/**
 * An integration that does one thing over the built site, in
 * `astro:build:done` (the link check, the search index): the hook, the
 * folder as a path and the resolved config (its `base`, its `site`), in one
 * place rather than in each.
 */
export function afterBuild(name: string, step: (site: BuiltSite) => Promise<void>): AstroIntegration {
  let config: AstroConfig | undefined;
  return {
    name,
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:done': async ({ dir, logger }) => {
        await step({ dir: fileURLToPath(dir), config: config!, logger });
      },
    },
  };
}
