import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { fixtures } from '../support/paths.ts';
import { buildSubpathSite, SUB_PATH, SUB_SITE_URL } from '../support/subpath-site.ts';

let dist: string;
beforeAll(() => {
  dist = buildSubpathSite('subpath-build');
});

const read = (file: string) => readFileSync(path.join(dist, file), 'utf8');
const htmlFiles = () =>
  (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));

/** Every URL a page names: links, what it loads, its form, its meta refresh and its Open Graph tags. */
function urlsOf(html: string): string[] {
  const urls = [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]!);
  for (const [, content] of html.matchAll(/<meta[^>]+(?:property="og:(?:url|image)"|name="twitter:image")[^>]*content="([^"]*)"/g))
    urls.push(content!);
  for (const [, url] of html.matchAll(/http-equiv="refresh" content="0; url=([^"]*)"/g)) urls.push(url!);
  return urls.map((u) => u.replaceAll('&amp;', '&'));
}

describe('a site built under a sub-path (BASE_PATH)', () => {
  it('names every page, asset and script of its own under the sub-path, on every page', () => {
    const outside: string[] = [];
    const pages = htmlFiles();
    expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html', 'search/index.html', 'essays/bolsheviki/index.html']));
    for (const file of pages) {
      for (const url of urlsOf(read(file))) {
        if (url.startsWith('#') || /^(mailto:|https:\/\/(?!reader\.example\.net))/.test(url)) continue;
        const absolute = new URL(url, `${SUB_SITE_URL}${SUB_PATH}${file.replace(/index\.html$/, '')}`);
        if (absolute.origin !== SUB_SITE_URL || !absolute.pathname.startsWith(SUB_PATH)) outside.push(`${file}: ${url}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('prints the public address with the sub-path in the canonical link, the cards, JSON-LD and "Cite this essay"', () => {
    const essay = read('essays/july-days/index.html');
    const address = `${SUB_SITE_URL}${SUB_PATH}essays/july-days/`;
    expect(essay).toContain(`<link rel="canonical" href="${address}">`);
    expect(essay).toContain(`<meta property="og:image" content="${address}card.png">`);
    expect(essay).toContain(`"isPartOf":{"@type":"WebSite","name":"Notes on 1917","url":"${SUB_SITE_URL}${SUB_PATH}"}`);
    expect(read('essays/july-days/cite.bib')).toContain(address);
    expect(read('essays/july-days/cite.ris')).toContain(address);
    expect(essay).toMatch(new RegExp(`class="[^"]*cite[^"]*"[\\s\\S]*${address.replaceAll('.', '\\.')}`));
  });

  it('writes share pages that send the reader on under the sub-path', () => {
    const share = read('essays/july-days/s/the-demonstrations/index.html');
    expect(share).toContain(`<meta http-equiv="refresh" content="0; url=${SUB_PATH}essays/july-days/#the-demonstrations">`);
    expect(share).toContain(`href="${SUB_PATH}favicon.svg"`);
  });

  it('gives the feed, the sitemap and robots.txt the sub-path, and keeps share pages out of the sitemap', () => {
    const feed = read('rss.xml');
    expect(feed).toContain(`<link>${SUB_SITE_URL}${SUB_PATH}</link>`);
    expect(feed).toContain(`<link>${SUB_SITE_URL}${SUB_PATH}essays/july-days/</link>`);
    expect(feed).toContain(`<link>${SUB_SITE_URL}${SUB_PATH}essays/bolsheviki/</link>`);
    // The feed's own address, under the sub-path; the language of the essay not in the site's.
    expect(feed).toContain(`<atom:link href="${SUB_SITE_URL}${SUB_PATH}rss.xml" rel="self" type="application/rss+xml"/>`);
    const item = (slug: string) => feed.split('<item>').find((i) => i.includes(`/essays/${slug}/`))!;
    expect(item('bolsheviki')).toContain('<dc:language>ru</dc:language>');
    expect(item('july-days')).not.toContain('dc:language');
    const sitemap = read('sitemap-0.xml');
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs.sort()).toEqual(
      ['', 'essays/bolsheviki/', 'essays/july-days/', 'search/'].map((p) => `${SUB_SITE_URL}${SUB_PATH}${p}`).sort(),
    );
    expect(read('sitemap-index.xml')).toContain(`<loc>${SUB_SITE_URL}${SUB_PATH}sitemap-0.xml</loc>`);
    expect(read('robots.txt')).toContain(`Sitemap: ${SUB_SITE_URL}${SUB_PATH}sitemap-index.xml`);
  });

  it('gives the rules of _headers the sub-path, for hosts that read it', () => {
    const rules = read('_headers')
      .split('\n')
      .filter((line) => line.startsWith('/'));
    expect(rules).toEqual([`${SUB_PATH}*`, `${SUB_PATH}pagefind/*.pagefind`, `${SUB_PATH}_astro/*`]);
  });

  it('builds the search index for the pages under the sub-path (its scripts ask for it there)', () => {
    const scripts = (readdirSync(path.join(dist, '_astro')) as string[]).filter((f) => f.endsWith('.js'));
    const search = scripts.map((f) => read(`_astro/${f}`)).join('\n');
    expect(search).toContain(SUB_PATH);
    expect(search).not.toMatch(/["'`]\/pagefind\//);
    expect(readdirSync(path.join(dist, 'pagefind'))).toContain('pagefind.js');
  });
});

describe('the site configuration', () => {
  it('names the site, its author and its licence as essays({ … }) gives them', () => {
    const home = read('index.html');
    expect(home).toContain('<title>Notes on 1917</title>');
    expect(home).toContain('<p class="lede">Essays on the Russian revolutions, with their sources.</p>');
    expect(home).toMatch(/© <a href="https:\/\/historian\.example\.net\/" rel="author">Ada Historian<\/a>\. /);
    expect(home).toContain('<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>');
    const essay = read('essays/july-days/index.html');
    expect(essay).toContain('<title>The July Days · Notes on 1917</title>');
    const json = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(essay)![1]!) as Record<string, unknown>;
    expect(json.author).toEqual([
      {
        '@type': 'Person',
        name: 'Ada Historian',
        givenName: 'Ada',
        familyName: 'Historian',
        url: 'https://historian.example.net/',
        sameAs: 'https://orcid.org/0000-0002-1825-0097',
      },
    ]);
    expect(json.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(read('essays/july-days/cite.bib')).toMatch(/author\s*=\s*\{Historian, Ada\}/);
    const feed = read('rss.xml');
    expect(feed).toContain('<title>Notes on 1917: new essays</title>');
  });

  it('lets an essay name its own author and licence', () => {
    const essay = read('essays/bolsheviki/index.html');
    expect(essay).toMatch(/© Иван Петров\. /);
    expect(essay).toContain('<a href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license">CC BY-SA 4.0</a>');
    const json = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(essay)![1]!) as Record<string, unknown>;
    expect(json.author).toEqual([{ '@type': 'Person', name: 'Иван Петров', givenName: 'Иван', familyName: 'Петров' }]);
    expect(json.license).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
  });

  it('warns once, clearly, when a production build still has the placeholder address', () => {
    const site = makeFixtureSite('placeholder', { good: path.join(fixtures, 'sites/good') });
    const { status, output } = buildSite(site, { SITE_URL: '' });
    expect(status).toBe(0);
    expect(output.match(/still the placeholder https:\/\/essays\.example\.org/g)).toHaveLength(1);
    expect(output).toContain('Set `url` in essays({ … }) in astro.config.mjs, or SITE_URL when building.');
  });

  it('stops the build with the bad setting named when BASE_PATH is not a path', () => {
    const site = makeFixtureSite('bad-base', { good: path.join(fixtures, 'sites/good') });
    const { status, output } = buildSite(site, { BASE_PATH: 'https://example.org/essays/' });
    expect(status).not.toBe(0);
    expect(output).toContain('astro.config.mjs: essays() has a bad setting:');
    expect(output).toContain('BASE_PATH (for `base`) must be a path such as /essays-site/');
  });

  it('puts the links and images an essay writes from the site’s root under the base', () => {
    const essay = read('essays/july-days/index.html');
    for (const href of ['/essays-site/essays/bolsheviki/', '/essays-site/search/']) expect(essay).toContain(`href="${href}"`);
    expect(essay).toContain('src="/essays-site/favicon.svg"');
    expect(essay).not.toMatch(/(?:href|src)="\/(?:essays\/|search\/|favicon)/);
  });

  it('names the line of an image that does not exist, written under the base or from the root', () => {
    const site = makeFixtureSite('escaping-link', { good: path.join(fixtures, 'sites/good') });
    const essay = path.join(site, 'content/essays/good/index.md');
    const text = readFileSync(essay, 'utf8');
    writeFileSync(essay, text.replace('More text.', 'See ![a map](/essays-site/map.png).'));
    const { status, output } = buildSite(site, { BASE_PATH: SUB_PATH });
    expect(status).not.toBe(0);
    expect(output).toMatch(/index\.md:\d+:\d+: image "\/essays-site\/map\.png" does not exist \(looked for public\/map\.png\)/);
  });
});
