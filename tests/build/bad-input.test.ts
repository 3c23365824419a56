import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { fixtures } from '../support/paths.ts';

const essay = (name: string) => path.join(fixtures, 'sites', name);

/**
 * Broken essays, each built beside a good one: the build must fail with a
 * message naming the file (and the line, key or field where it can), and
 * leave no site behind.
 */
const cases: { name: string; essays?: Record<string, string>; broken?: string; expected: RegExp[] }[] = [
  {
    name: 'an unknown citation key',
    broken: 'unknown-key',
    expected: [/content\/essays\/broken\/index\.md:9: unknown citation key @figes1969 — did you mean @figes1996\?/],
  },
  {
    name: 'malformed BibTeX',
    broken: 'malformed-bib',
    expected: [/content\/essays\/broken\/references\.bib:\d+: the entry "broken" does not close its braces/],
  },
  {
    name: 'a missing .bib',
    broken: 'missing-bib',
    expected: [/content\/essays\/broken\/index\.md: bibliography file content\/essays\/broken\/sources\.bib does not exist/],
  },
  { name: 'an empty .bib', broken: 'empty-bib', expected: [/content\/essays\/broken\/references\.bib: the bibliography holds no entries/] },
  {
    name: 'duplicate keys in a .bib',
    broken: 'duplicate-keys',
    expected: [/content\/essays\/broken\/references\.bib:\d+: duplicate citation key "figes1996" \(first defined on line 1\)/],
  },
  {
    name: 'an unknown CSL style',
    broken: 'unknown-style',
    expected: [/content\/essays\/broken\/index\.md: unknown citation style "csl: chicago-manual"/],
  },
  {
    name: 'an unknown locale',
    broken: 'unknown-locale',
    expected: [/content\/essays\/broken\/index\.md: no citation locale for "lang: tlh"/],
  },
  { name: 'a missing title', broken: 'no-title', expected: [/content\/essays\/broken\/index\.md/, /title/] },
  { name: 'a missing description', broken: 'no-description', expected: [/content\/essays\/broken\/index\.md/, /description/] },
  {
    name: 'an invalid date',
    broken: 'invalid-date',
    expected: [/content\/essays\/broken\/index\.md:4: "written: 2020-13-45" is not a calendar date/],
  },
  {
    name: 'two essays with the same slug',
    essays: { 'The-Essay': essay('same-slug/The-Essay'), 'the-essay': essay('same-slug/the-essay') },
    expected: [
      /content\/essays\/(The-Essay|the-essay)\/index\.md: this essay and content\/essays\/(The-Essay|the-essay)\/index\.md would both be published at \/essays\/the-essay\//,
    ],
  },
  {
    name: 'a heading whose id the site uses',
    broken: 'heading-collision',
    expected: [/content\/essays\/broken\/index\.md:10: the heading "Bibliography" would get the id "bibliography"/],
  },
  {
    name: 'a link to a section that does not exist',
    broken: 'broken-link',
    expected: [/broken internal link/, /essays\/broken\/index\.html: #no-such-section \(no element with id "no-such-section"\)/],
  },
];

describe('a build with a broken essay fails, naming the file', () => {
  it.each(cases)('$name', ({ name, essays, broken, expected }) => {
    const site = makeFixtureSite(name.replaceAll(' ', '-'), essays ?? { good: essay('good'), broken: essay(broken!) });
    const { status, output } = buildSite(site);
    expect(status, output).not.toBe(0);
    for (const pattern of expected) expect(output).toMatch(pattern);
    expect(existsSync(path.join(site, 'dist')), 'no dist/ left behind').toBe(false);
  });

  it('fails again on the next build (no cached empty page) and removes the earlier site', () => {
    const site = makeFixtureSite('rebuild', { good: essay('good') });
    expect(buildSite(site).status).toBe(0);
    expect(existsSync(path.join(site, 'dist/essays/good/index.html'))).toBe(true);
    cpSync(essay('unknown-key'), path.join(site, 'content/essays/broken'), { recursive: true });
    for (let attempt = 1; attempt <= 2; attempt++) {
      const { status, output } = buildSite(site);
      expect(status, output).not.toBe(0);
      expect(output).toMatch(/unknown citation key @figes1969/);
      expect(existsSync(path.join(site, 'dist')), 'the earlier site is gone').toBe(false);
    }
  });
});
