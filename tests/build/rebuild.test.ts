import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { fixtures } from '../support/paths.ts';

const essay = (name: string) => path.join(fixtures, 'sites', name);

/** The loader's count of essays it rendered, and of those it found unchanged. */
function rendered(output: string): { rendered: number; unchanged: number } {
  const match = output.match(/Rendered (\d+) of \d+ essays?(?: in \d+ worker threads)?; (\d+) unchanged/);
  if (!match) throw new Error(`no render count in the build's output:\n${output}`);
  return { rendered: Number(match[1]), unchanged: Number(match[2]) };
}

/**
 * Builds that keep their caches (node_modules/.astro, as CI keeps it), with
 * one edit between them, as an author works: each edit shows, whatever file
 * it is in, and an unchanged essay is not rendered again.
 */
describe('a rebuild with the caches kept', () => {
  it('shows every edit to an essay’s files, and renders only the essays they touch', () => {
    const site = makeFixtureSite('warm', { good: essay('good'), other: essay('no-headings') });
    const dir = path.join(site, 'content/essays/good');
    const edit = (file: string, from: string | RegExp, to: string) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text, `${file} holds ${from}`).toMatch(from);
      writeFileSync(path.join(dir, file), text.replace(from, to));
    };
    const build = () => {
      const result = buildSite(site);
      expect(result.status, result.output).toBe(0);
      return { ...rendered(result.output), page: readFileSync(path.join(site, 'dist/essays/good/index.html'), 'utf8') };
    };

    expect(build()).toMatchObject({ rendered: 2, unchanged: 0 });
    expect(build(), 'nothing changed').toMatchObject({ rendered: 0, unchanged: 2 });

    edit('references.bib', 'A People’s Tragedy', 'A Nation’s Tragedy');
    const afterBib = build();
    expect(afterBib, 'only the .bib changed').toMatchObject({ rendered: 1, unchanged: 1 });
    expect(afterBib.page).toContain('A Nation’s Tragedy');
    expect(afterBib.page).not.toContain('A People’s Tragedy');

    edit('references.bib', '@book{figes1996,', '@book{figes1997,');
    const renamed = buildSite(site);
    expect(renamed.status).not.toBe(0);
    expect(renamed.output).toContain('content/essays/good/index.md:8:25: unknown citation key @figes1996 — did you mean @figes1997?');
    edit('references.bib', '@book{figes1997,', '@book{figes1996,');

    edit('index.md', 'bibliography: references.bib', 'bibliography: references.bib\ncsl: apa');
    const apa = build();
    expect(apa.page).toMatch(/Figes, O\. \(1996\)\. <i>A nation’s tragedy<\/i>/);

    writeFileSync(
      path.join(dir, 'map.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>',
    );
    edit('index.md', 'More text.', 'More text.\n\n![A map](map.svg)');
    const image = () => readdirSync(path.join(site, 'dist/_astro')).find((f) => f.startsWith('map.'))!;
    build();
    const before = image();
    expect(before).toMatch(/^map\..+\.svg$/);
    writeFileSync(
      path.join(dir, 'map.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="blue"/></svg>',
    );
    const afterImage = build();
    expect(afterImage, 'only the image changed').toMatchObject({ rendered: 1, unchanged: 1 });
    expect(image(), 'the new image is published').not.toBe(before);
    expect(readFileSync(path.join(site, 'dist/_astro', image()), 'utf8')).toContain('blue');
  });
});
