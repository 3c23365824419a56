import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normaliseBase, parseSiteConfig, SiteConfigError } from '../../src/lib/site-config.ts';
import { withBase } from '../../src/lib/site.ts';

describe('the site configuration', () => {
  it('fills in every default for an empty configuration', () => {
    expect(parseSiteConfig({})).toEqual({
      title: 'Essays',
      tagline: 'Long-form essays with their sources: cited, linked and searchable.',
      author: { name: 'The Essays editors' },
      url: 'https://essays.example.org',
      base: '/',
      lang: 'en-GB',
      licence: { name: 'All rights reserved' },
      feed: {},
    });
  });

  it('keeps what the author gives, an ORCID iD bare and the base with both slashes', () => {
    const config = parseSiteConfig({
      title: 'Notes on 1917',
      author: { name: 'A. Historian', url: 'https://historian.example.net/', orcid: 'https://orcid.org/0000-0002-1825-0097' },
      url: 'https://user.github.io',
      base: 'essays-site',
      licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      feed: { limit: 20 },
    });
    expect(config.author).toEqual({ name: 'A. Historian', url: 'https://historian.example.net/', orcid: '0000-0002-1825-0097' });
    expect(config.base).toBe('/essays-site/');
    expect(config.feed.limit).toBe(20);
  });

  it('takes SITE_URL and BASE_PATH from the environment over the configuration', () => {
    const config = parseSiteConfig({ url: 'https://a.example.org', base: '/' }, { SITE_URL: 'https://b.example.org', BASE_PATH: '/x/' });
    expect([config.url, config.base]).toEqual(['https://b.example.org', '/x/']);
  });

  it('names the bad field, what it takes and what it got', () => {
    expect(() => parseSiteConfig({ url: 'essays.example.org' })).toThrow(
      '`url` must be the site’s public address, an address starting with https:// (or http://) (got "essays.example.org").',
    );
    expect(() => parseSiteConfig({ author: { name: 'A', orcid: '1234' } })).toThrow(
      '`author.orcid` must be an ORCID iD such as 0000-0002-1825-0097',
    );
    expect(() => parseSiteConfig({ lang: 'English' })).toThrow('`lang` must be a BCP 47 language tag such as en-GB or ru (got "English").');
    expect(() => parseSiteConfig({ author: 'A. Historian' })).toThrow(
      '`author` must be an object such as { name: "…" } (got "A. Historian").',
    );
    expect(() => parseSiteConfig({ feed: { limit: 0 } })).toThrow('`feed.limit`');
  });

  it('sends a path given in the address to `base`', () => {
    expect(() => parseSiteConfig({}, { SITE_URL: 'https://user.github.io/essays-site/' })).toThrow(
      'SITE_URL (for `url`) must be the site’s address without a path: put the path (such as /essays-site/) in `base`, or BASE_PATH (got "https://user.github.io/essays-site/").',
    );
    expect(parseSiteConfig({ url: 'https://user.github.io/' }).url).toBe('https://user.github.io/');
  });

  it('suggests the setting meant for an unknown one', () => {
    expect(() => parseSiteConfig({ titel: 'x' })).toThrow(
      /unknown setting `titel` — did you mean `title`\? The settings are title, tagline, author/,
    );
    expect(() => parseSiteConfig({ licence: { name: 'CC BY', link: 'https://x.org/' } })).toThrow(
      'unknown setting `licence.link`; `licence` takes name, url.',
    );
  });

  it('says which variable was bad when the environment gave it', () => {
    expect(() => parseSiteConfig({}, { BASE_PATH: 'https://example.org/x/' })).toThrow(SiteConfigError);
    expect(() => parseSiteConfig({}, { BASE_PATH: 'https://example.org/x/' })).toThrow('BASE_PATH (for `base`) must be a path');
    expect(() => parseSiteConfig({}, { SITE_URL: 'not a url' })).toThrow('SITE_URL (for `url`) must be');
  });

  it('lists every bad setting at once', () => {
    expect(() => parseSiteConfig({ url: 'x', lang: 'y' })).toThrow(/has 2 bad settings:\n {2}- `url`.*\n {2}- `lang`/);
  });
});

describe('base paths', () => {
  it('writes a base with a leading and a trailing slash', () => {
    expect(['', '/', 'a', '/a', 'a/', '//a//b//'].map(normaliseBase)).toEqual(['/', '/', '/a/', '/a/', '/a/', '/a/b/']);
  });

  it('puts a path of the site under its base', () => {
    expect(withBase('/search/', '/')).toBe('/search/');
    expect(withBase('/search/', '/essays-site/')).toBe('/essays-site/search/');
    expect(withBase('/', '/essays-site/')).toBe('/essays-site/');
  });
});

describe('astro.config.mjs', () => {
  // Astro imports a .mjs config with Node first and falls back to a Vite dev server (about
  // 0.3 s of every build) when that throws. Node strips types from the .ts modules it imports
  // only when they use no syntax it would have to compile (tsconfig's erasableSyntaxOnly).
  it('is imported by Node itself, with every module it loads', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const run = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "const c = (await import('./astro.config.mjs')).default; console.log(c.integrations.length);"],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(Number(run.stdout.trim())).toBeGreaterThan(0);
  });
});
