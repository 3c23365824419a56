import { createHash } from 'node:crypto';
import { lstatSync, realpathSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PLACEHOLDER_URL, parseSiteConfig, type SiteConfig, type SiteOptions } from '../lib/site-config.ts';
import { SITE_CONFIG_ENV } from '../lib/site.ts';

/**
 * The site's one configuration, given in astro.config.mjs as
 * `essays({ title, tagline, author, url, base, lang, licence, feed })` and
 * validated with zod (src/lib/site-config.ts): a bad field stops the build
 * naming it. It sets Astro's `site` and `base` from `url` and `base` (SITE_URL
 * and BASE_PATH in the environment win, so a deploy needs no edit), and hands
 * the rest to the pages, the content loader and the other integrations
 * through `SITE` (src/lib/site.ts).
 */
export default function essays(options: SiteOptions = {}): AstroIntegration {
  // Validated now, while astro.config.mjs is evaluated: before the pages, the loader or its workers read it.
  const config: SiteConfig = parseSiteConfig(options, process.env);
  process.env[SITE_CONFIG_ENV] = JSON.stringify(config);
  return {
    name: 'essay-publisher:site',
    hooks: {
      'astro:config:setup': ({ config: astro, updateConfig, command, logger }) => {
        const cacheDir = ownCacheDir(astro.root, astro.cacheDir);
        updateConfig({ site: config.url, base: config.base, ...(cacheDir && { cacheDir }) });
        if (command === 'build' && new URL(config.url).origin === new URL(PLACEHOLDER_URL).origin) {
          logger.warn(
            `The site's address is still the placeholder ${PLACEHOLDER_URL}: canonical links, "Cite this essay", the feed, the sitemap and the cards all print it. ` +
              'Set `url` in essays({ … }) in astro.config.mjs, or SITE_URL when building.',
          );
        }
      },
      'astro:build:done': async ({ dir }) => {
        // public/_headers names paths from the site's root; under a base, the host serves them under it.
        if (config.base === '/') return;
        const file = new URL('_headers', dir);
        const headers = await readFile(file, 'utf8').catch(() => undefined);
        if (headers !== undefined) await writeFile(fileURLToPath(file), headersUnderBase(headers, config.base));
      },
    },
  };
}

/** The rules of a `_headers` file (Netlify, Cloudflare Pages) with each path under `base`: `/_astro/*` → `/essays-site/_astro/*`. */
export function headersUnderBase(headers: string, base: string): string {
  return headers.replace(/^\/(?=\S*$)/gm, base);
}

/**
 * Astro keeps its cache (the content layer's store, and this site's: the
 * last build's sections, its search index, its link scans) in the project's
 * `node_modules/.astro`. A `node_modules` linked from another checkout would
 * give two sites one cache, each build reading the other's: sections warned of
 * as renamed, every essay rendered again. Such a site gets a folder of its own
 * in it, `node_modules/.astro/sites/<hash of its folder>/`, which
 * `rm -rf node_modules/.astro` still clears. A cacheDir the author set is kept.
 */
export function ownCacheDir(root: URL, cacheDir: URL): URL | undefined {
  const modules = new URL('node_modules/', root);
  if (cacheDir.href !== new URL('.astro/', modules).href) return undefined;
  let linked: boolean;
  try {
    // The path without its final slash, which would follow the link.
    linked = lstatSync(fileURLToPath(modules).replace(/[\\/]$/, '')).isSymbolicLink();
  } catch {
    return undefined;
  }
  if (!linked) return undefined;
  const site = createHash('sha256')
    .update(realpathSync(fileURLToPath(root)))
    .digest('hex')
    .slice(0, 16);
  return new URL(`sites/${site}/`, pathToFileURL(`${realpathSync(fileURLToPath(modules))}/.astro/`));
}
