import { copyFileSync, cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { copyFollowingLinks, makeFixtureSite } from '../support/fixture-site.ts';
import { fixtures, root } from '../support/paths.ts';

const essay = (name: string) => path.join(fixtures, 'sites', name);

/** The loader's report of the essays it refuses: one line per problem, after its heading line. */
function refusal(output: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => /before they can be published:$/.test(l));
  if (start === -1) return [];
  const end = lines.findIndex((l, i) => i > start && (!l.startsWith('  ') || l.trim() === 'Hint:'));
  return lines.slice(start, end === -1 ? undefined : end).map((l) => l.replace(/^\[essays\] /, '').trim());
}

/**
 * What only a whole build shows: problems across essays (their folders, links
 * between them), that a failed build leaves no site, and that drafts stay out
 * of it. Each essay's own problems, line and column, are unit cases in
 * tests/fixtures/markdown.
 */
describe('a build with a broken essay', () => {
  it('fails with one line per problem, each naming its file, line and column, and leaves no dist/', () => {
    const site = makeFixtureSite('two-broken', { good: essay('good'), broken: essay('unknown-key'), heading: essay('heading-collision') });
    const { status, output } = buildSite(site);
    expect(status, output).not.toBe(0);
    expect(refusal(output)).toEqual([
      'The essays have 2 problems to fix before they can be published:',
      'content/essays/broken/index.md:9:1: unknown citation key @figes1969 — did you mean @figes1996? (not in content/essays/broken/references.bib)',
      'content/essays/heading/index.md:10:1: the heading "Bibliography" would get the id "bibliography", which the bibliography section the site adds already uses; rename the heading.',
    ]);
    expect(output).not.toMatch(/Stack trace/);
    expect(existsSync(path.join(site, 'dist')), 'no dist/ left behind').toBe(false);
  });

  it('prints each message as written, its Markdown examples too (Astro would read an AstroError’s as Markdown)', () => {
    const site = makeFixtureSite('no-caption', { good: essay('good'), 'no-caption': essay('no-caption') });
    const { status, output } = buildSite(site);
    expect(status, output).not.toBe(0);
    expect(refusal(output)).toEqual([
      'The essays have a problem to fix before they can be published:',
      'content/essays/no-caption/index.md:9:13: the figure #fig-five has no caption; write it between the brackets: ![A caption](map.svg){#fig-five}.',
    ]);
  });

  it('fails on a link the built site cannot resolve, while the search index is being built, and leaves no dist/', () => {
    // Only the check of the built pages (after the loader's) sees a page in public/. On a large
    // site it fails while Pagefind is still indexing (src/integrations/pagefind.ts); one essay is
    // indexed sooner, so this asserts the failure and the clean-up, not that race.
    const site = makeFixtureSite('built-link', { good: essay('good') });
    rmSync(path.join(site, 'public'));
    cpSync(path.join(root, 'public'), path.join(site, 'public'), { recursive: true });
    writeFileSync(
      path.join(site, 'public/stray.html'),
      '<!doctype html><html lang="en"><title>Stray</title><a href="/no-such-page/">x</a></html>',
    );
    const { status, output } = buildSite(site);
    expect(status, output).not.toBe(0);
    expect(output).toContain('stray.html: /no-such-page/ (no such page or file)');
    expect(output).not.toMatch(/ENOTEMPTY/);
    expect(existsSync(path.join(site, 'dist')), 'no dist/ left behind').toBe(false);
  });

  it('refuses folders that cannot be URLs, and two folders with one URL', () => {
    const site = makeFixtureSite('folders', {
      'The-Essay': essay('same-slug/The-Essay'),
      'the-essay': essay('same-slug/the-essay'),
      an_essay: essay('good'),
      capital: essay('good'),
      plain: essay('good'),
    });
    // Markdown a build would not publish: an Index.md (found on macOS, lost on Linux), an essay.md, a loose file.
    const essays = path.join(site, 'content/essays');
    renameSync(path.join(essays, 'capital/index.md'), path.join(essays, 'capital/Index.md'));
    renameSync(path.join(essays, 'plain/index.md'), path.join(essays, 'plain/essay.md'));
    writeFileSync(path.join(essays, 'notes.md'), '# Notes\n');
    const { status, output } = buildSite(site);
    expect(status, output).not.toBe(0);
    expect(output).toContain(
      'content/essays/notes.md: not published: an essay is a folder with its index.md; move it to content/essays/notes/index.md.',
    );
    expect(output).toContain('content/essays/plain: not published: the folder has no index.md (it has essay.md)');
    expect(refusal(output)).toEqual([
      'The essays have 3 problems to fix before they can be published:',
      'content/essays/an_essay/index.md: the folder name "an_essay" is the essay\'s URL, so it may hold only letters, digits and single hyphens (for example "the-july-days").',
      'content/essays/capital/Index.md: the essay\'s file must be named index.md, in lower case: "Index.md" is found on disks that ignore case (macOS, Windows), not on Linux, where the site is usually built; rename it.',
      expect.stringMatching(
        /^content\/essays\/(The-Essay|the-essay)\/index\.md: this essay and content\/essays\/(The-Essay|the-essay)\/index\.md would both be published at \/essays\/the-essay\/; rename one of their folders\.$/,
      ),
    ]);
  });

  it('names the line of a link to a section or an essay that does not exist', () => {
    const site = makeFixtureSite('links', { good: essay('good'), broken: essay('broken-link') });
    writeFileSync(
      path.join(site, 'content/essays/broken/index.md'),
      '---\ntitle: Links\ndescription: Links.\nwritten: 2020-01-01\n---\n\nSee [the missing section](#no-such-section),\n[a good one](/essays/good/#a-section), [no essay](/essays/nowhere/) and [no file](/files/x.pdf).\n\n## A section\n\n[A part of the good essay](/essays/good/#a-sektion).\n\n[No slash](/essays/good#a-section).\n',
    );
    const { status, output } = buildSite(site);
    expect(status, output).not.toBe(0);
    expect(refusal(output)).toEqual([
      'The essays have 5 problems to fix before they can be published:',
      'content/essays/broken/index.md:7:5: the link "#no-such-section" leads to no part of the essay "broken": it has no id "no-such-section"',
      'content/essays/broken/index.md:8:40: the link "/essays/nowhere/" leads to no essay: there is no essay "nowhere"',
      'content/essays/broken/index.md:8:73: the link "/files/x.pdf" leads to no page or file of the site (files to link to go under public/).',
      'content/essays/broken/index.md:12:1: the link "/essays/good/#a-sektion" leads to no part of the essay "good": it has no id "a-sektion" — did you mean #a-section?',
      'content/essays/broken/index.md:14:1: the link "/essays/good#a-section" leaves out the slash that ends the essay\'s address: write "/essays/good/#a-section".',
    ]);
  });

  it('fails again on the next build (nothing broken is cached) and removes the earlier site', () => {
    const site = makeFixtureSite('rebuild', { good: essay('good') });
    expect(buildSite(site).status).toBe(0);
    expect(existsSync(path.join(site, 'dist/essays/good/index.html'))).toBe(true);
    copyFollowingLinks(essay('unknown-key'), path.join(site, 'content/essays/broken'));
    for (let attempt = 1; attempt <= 2; attempt++) {
      const { status, output } = buildSite(site);
      expect(status, output).not.toBe(0);
      expect(output).toMatch(/unknown citation key @figes1969/);
      expect(existsSync(path.join(site, 'dist')), 'the earlier site is gone').toBe(false);
    }
  });
});

describe('a draft', () => {
  it('is left out of a build, its problems only warned about', () => {
    const site = makeFixtureSite('draft', { good: essay('good') });
    const draft = path.join(site, 'content/essays/draft');
    mkdirSync(draft);
    copyFileSync(path.join(essay('unknown-key'), 'references.bib'), path.join(draft, 'references.bib'));
    writeFileSync(
      path.join(draft, 'index.md'),
      '---\ntitle: Draft\ndescription: Unfinished.\nwritten: 2020-01-01\nbibliography: references.bib\ndraft: true\n---\n\nA claim [@nobody2020].\n',
    );
    const broken = path.join(site, 'content/essays/broken-draft');
    mkdirSync(broken);
    writeFileSync(path.join(broken, 'index.md'), '---\ntitle: Broken draft\nwritten: 2020-13-01\ndraft: true\n---\n\nText.\n');
    const { status, output } = buildSite(site);
    expect(status, output).toBe(0);
    expect(output).toMatch(
      /content\/essays\/broken-draft\/index\.md:3:10: `written`: "2020-13-01" is not a date: there is no month 13; .* \(a draft, so not built\)/,
    );
    expect(output).toMatch(
      /content\/essays\/broken-draft\/index\.md:5:1: the frontmatter has no `description`, .* \(a draft, so not built\)/,
    );
    expect(existsSync(path.join(site, 'dist/essays/good/index.html'))).toBe(true);
    expect(existsSync(path.join(site, 'dist/essays/draft'))).toBe(false);
    expect(existsSync(path.join(site, 'dist/essays/broken-draft'))).toBe(false);
  });
});
