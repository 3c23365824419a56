import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../src/build/built-links.ts';

/** A built site of a few pages, in a temporary folder. */
function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'built-links-'));
  for (const [file, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), html);
  }
  return dir;
}

describe('the built site’s link check', () => {
  it('finds links to pages, files and ids that do not exist, and passes the rest', async () => {
    const dir = site({
      'index.html':
        '<a href="/essays/x/">x</a> <a href="/essays/x/#part">part</a> <a href="/essays/x/#nope">nope</a> <a href="/gone/">gone</a>',
      'essays/x/index.html': '<h2 id="part">Part</h2><a href="#part">here</a><a href="cite.bib">bib</a><a href="#:~:text=a">text</a>',
      'essays/x/cite.bib': '@misc{x}',
    });
    expect(await findBrokenLinks(dir)).toEqual([
      { page: 'index.html', href: '/essays/x/#nope', problem: 'no element with id "nope"' },
      { page: 'index.html', href: '/gone/', problem: 'no such page or file' },
    ]);
  });

  it('reads ids and links in attributes as HTML writes them, entities and single quotes included', async () => {
    const dir = site({
      'index.html': `<p id='a&amp;b'>x</p><a href='#a&amp;b'>ok</a><a href="mailto:x@y.org">mail</a><a href="https://example.org/">out</a>`,
    });
    expect(await findBrokenLinks(dir)).toEqual([]);
  });
});
