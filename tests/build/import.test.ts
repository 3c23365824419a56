import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../support/build.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { readPage } from '../support/html.ts';
import { fixtures, root, siteCheck, siteCheckTitle } from '../support/paths.ts';

/** The project's Node 24, as `npm run import` uses it. */
const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const EXPORT = path.join(fixtures, 'wordpress/export.xml');
const UPLOADS = path.join(fixtures, 'wordpress/uploads');

let site: string;
let dist: string;
let imported: { status: number | null; stdout: string; stderr: string };
let build: BuildResult;

function runImport(): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(node, ['tools/wordpress/cli.ts', EXPORT, '--uploads', UPLOADS, '--out', path.join(site, 'content/essays')], {
    cwd: root,
    encoding: 'utf8',
  });
}

beforeAll(() => {
  site = makeFixtureSite('wordpress-import', {});
  dist = path.join(site, 'dist');
  imported = runImport();
  build = buildSite(site);
});

describe('a site made by `npm run import` from a WordPress export', () => {
  it('imports and builds', () => {
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Made (4):');
    expect(build.status, build.output).toBe(0);
  });

  it('publishes the two posts and the page, and not the draft, private, pending or trashed posts', () => {
    for (const slug of ['october-revolution', 'reading-the-july-days-again', 'the-assembly-that-met-once', 'about']) {
      expect(existsSync(path.join(dist, 'essays', slug, 'index.html')), slug).toBe(true);
    }
    expect(readdirSync(path.join(dist, 'essays')).sort()).toEqual([
      'about',
      'october-revolution',
      'reading-the-july-days-again',
      'the-assembly-that-met-once',
    ]);
    const everything = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html') || f.endsWith('.xml'))
      .map((f) => readFileSync(path.join(dist, f), 'utf8'))
      .join('\n');
    for (const unpublished of ['Kronstadt', 'Not ready.', 'Notes to self', 'Private notes.', 'Awaiting review', 'Binned.']) {
      expect(everything, unpublished).not.toContain(unpublished);
    }
  });

  it('prints the October essay’s 14 works under Bibliography and none of them in its text', () => {
    const page = readPage(path.join(dist, 'essays/october-revolution/index.html'));
    expect(page.querySelector('h1')?.textContent).toBe('The October Revolution: A Coup D’état?');
    expect(page.querySelectorAll('section.bibliography .csl-entry')).toHaveLength(14);
    const text = [...page.querySelectorAll('.essay-body > p')].map((p) => p.textContent).join('\n');
    expect(text).toContain('they did so by the will of the people.');
    expect(text).not.toContain('Macmillan');
  });

  it('shows the classic post’s figure from the essay folder, and both posts’ footnotes as notes', () => {
    const classic = readPage(path.join(dist, 'essays/reading-the-july-days-again/index.html'));
    const figure = classic.querySelector('.essay-body figure');
    expect(figure?.querySelector('img')?.getAttribute('src')).toMatch(/^\/_astro\/nevsky\..*\.webp$/);
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe('Crowds scattering on the Nevsky Prospekt');
    expect(figure?.querySelector('figcaption')?.textContent?.trim()).toBe('Crowds on the Nevsky Prospekt, 4 July 1917');
    expect(classic.querySelectorAll('[data-footnotes] li')).toHaveLength(2);
    expect(classic.querySelector('a[href="/essays/october-revolution/"]')?.textContent).toBe('my essay on October');
    const block = readPage(path.join(dist, 'essays/the-assembly-that-met-once/index.html'));
    expect(block.querySelector('[data-footnotes] li')?.textContent).toContain('It was dispersed by the guard the next morning.');
    expect(block.querySelector('.essay-body figure img')?.getAttribute('src')).toMatch(/^\/_astro\/ballot\./);
  });

  // ../shared/ sits beside this repository on the team's machines and in its CI, not in other clones.
  it.skipIf(!existsSync(siteCheck))(siteCheckTitle('passes the shared acceptance checks on the imported essay'), () => {
    const run = spawnSync(siteCheck, [dist], { encoding: 'utf8' });
    expect(run.stdout).toMatch(/site-check: 8 passed, 0 failed/);
    expect(run.status, run.stdout).toBe(0);
  });

  it('changes nothing when run again, and says so', () => {
    const again = runImport();
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('Already there, identical to this import: left as they are (4):');
    expect(again.stdout).not.toContain('Made');
  });
});
