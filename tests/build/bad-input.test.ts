import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { fixtures } from '../support/paths.ts';

const essay = (name: string) => path.join(fixtures, 'sites', name);

/** Each case builds a site of one good essay and one broken one. */
const cases = [
  {
    name: 'fails the build on frontmatter that breaks the schema, naming the file and the field',
    broken: 'no-description',
    expected: [/content\/essays\/broken\/index\.md/, /description/],
  },
  {
    name: 'fails the build on a missing bibliography file, naming the essay and the file',
    broken: 'missing-bib',
    expected: [/content\/essays\/broken\/index\.md: bibliography file content\/essays\/broken\/sources\.bib does not exist/],
  },
  {
    name: 'fails the build on an unknown citation key, naming the file, line and key',
    broken: 'unknown-key',
    expected: [/content\/essays\/broken\/index\.md:9: unknown citation key @figes1969 — did you mean @figes1996\?/],
  },
];

describe('a build with a broken essay', () => {
  it.each(cases)('$name', ({ broken, expected }) => {
    const site = makeFixtureSite(broken, { good: essay('good'), broken: essay(broken) });
    for (let attempt = 1; attempt <= 2; attempt++) {
      // Twice: a second build must not pass by reusing a cached, empty render.
      const { status, output } = buildSite(site);
      expect(status, output).not.toBe(0);
      for (const pattern of expected) expect(output).toMatch(pattern);
      expect(existsSync(path.join(site, 'dist/essays/broken/index.html')), 'no page for the broken essay').toBe(false);
    }
  });

  it('builds the same site once the essay is fixed', () => {
    const site = makeFixtureSite('fixed', { good: essay('good') });
    const { status, output } = buildSite(site);
    expect(status, output).toBe(0);
    expect(existsSync(path.join(site, 'dist/essays/good/index.html'))).toBe(true);
  });
});
