import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevServer, makeDevSite, startDev } from '../support/dev-server.ts';
import { fixtures } from '../support/paths.ts';

const essay = (name: string) => path.join(fixtures, 'sites', name);
/** The 404 page's words (src/lib/i18n/en.ts): what an essay's address showed while the essay had an error. */
const NOT_FOUND = 'There is no page at this address';

/**
 * `astro dev` as an author uses it: the server runs while essays are edited.
 * Edits are seen by the server's watcher, in its own time, so each step polls
 * until the page changes (a bounded wait, not a deadline the test asserts).
 */
describe('astro dev', () => {
  let site: string;
  let dev: DevServer;
  const page = async (slug: string) => {
    const response = await fetch(`${dev.url}/essays/${slug}/`);
    return { status: response.status, html: await response.text() };
  };
  /** The problems a refused essay's page lists, as its reader sees them. */
  const listed = (html: string) =>
    [...new JSDOM(html).window.document.querySelectorAll('.essay-problems li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
  const statusOf = async (slug: string) => (await page(slug)).status;

  beforeAll(async () => {
    site = makeDevSite({ good: essay('good'), other: essay('no-headings'), dated: essay('invalid-date') });
    // An essay whose bibliography is one that essays share, beside their folders in content/.
    writeFileSync(path.join(site, 'content/shared.bib'), '@book{shared, author = {Doe, Jane}, title = {Shared Work}, year = {1999}}\n');
    mkdirSync(path.join(site, 'content/essays/sharing'));
    writeFileSync(
      path.join(site, 'content/essays/sharing/index.md'),
      '---\ntitle: Sharing\ndescription: An essay citing a shared bibliography.\nwritten: 2020-01-01\nbibliography: ../../shared.bib\n---\n\nAs Doe put it [@shared].\n',
    );
    dev = await startDev(site);
  });
  afterAll(() => dev?.close());

  it('shows the problems of an essay it cannot read at its address from the start', async () => {
    const { status, html } = await page('dated');
    expect(status).toBe(500);
    expect(listed(html)).toEqual([
      expect.stringMatching(/^content\/essays\/dated\/index\.md:4:10: `written`: "2020-13-45" is not a date: there is no month 13/),
    ]);
    expect(html).not.toContain(NOT_FOUND);
  });

  it('shows an essay’s errors at its address, with file, line and column, and the essay again once they are fixed', async () => {
    expect(await statusOf('good'), dev.output()).toBe(200);
    const file = path.join(site, 'content/essays/good/index.md');
    const written = readFileSync(file, 'utf8');
    appendFileSync(file, '\nBroken [@nokey99].\n');
    const line = written.split('\n').length + 1;

    // Until the server has seen the edit, the page is the essay (and, for a moment, missing the rendering it replaces).
    await expect.poll(async () => (await page('good')).html, { timeout: 60_000 }).toContain('unknown citation key');
    const refused = await page('good');
    expect(refused.status).toBe(500);
    expect(listed(refused.html), dev.output()).toEqual([
      `content/essays/good/index.md:${line}:8: unknown citation key @nokey99 (not in content/essays/good/references.bib)`,
    ]);
    expect(refused.html).not.toContain(NOT_FOUND);
    expect(dev.output(), 'the terminal says it too').toContain(`content/essays/good/index.md:${line}:8: unknown citation key @nokey99`);
    expect(await statusOf('other'), 'the other essays are served as before').toBe(200);
    const home = await (await fetch(`${dev.url}/`)).text();
    expect(home, 'the home page lists the essays that render').toContain('/essays/other/');

    writeFileSync(file, written);
    await expect.poll(async () => (await page('good')).html, { timeout: 60_000 }).toContain('it was a tragedy');
    expect(await statusOf('good')).toBe(200);
  });

  it('shows an edit to a .bib that essays share in content/, outside any essay’s folder', async () => {
    const citation = async () => new JSDOM((await page('sharing')).html).window.document.querySelector('.citation')?.textContent;
    await expect.poll(citation, { timeout: 60_000 }).toBe('(Doe 1999)');
    const bib = path.join(site, 'content/shared.bib');
    writeFileSync(bib, readFileSync(bib, 'utf8').replace('1999', '2001'));
    await expect.poll(citation, { timeout: 60_000 }).toBe('(Doe 2001)');
  });
});
