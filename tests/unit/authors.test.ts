import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { type Author, authorList, readAuthors } from '../../src/lib/authors.ts';
import type { CslItem } from '../../src/lib/csl-item.ts';
import { type EssayFacts, essayItem, exportItems } from '../../src/lib/essay-record.ts';
import { EssayErrors } from '../../src/lib/essay-error.ts';
import { scholarlyArticle, scholarMeta } from '../../src/lib/scholar-metadata.ts';
import { socialMeta } from '../../src/lib/social-meta.ts';
import { validateFrontmatter } from '../../src/loader/schema.ts';

/** The authors `author` names, or the problem with it. */
function read(value: string | string[]): Author[] {
  const result = readAuthors(value);
  if (!('authors' in result)) throw new Error(result.problem);
  return result.authors;
}
const parts = (value: string | string[]) => read(value).map((a) => a.csl);

describe('an essay’s `author`', () => {
  it('is split as BibTeX splits a name: the last word is the family name, unless a comma says otherwise', () => {
    expect(parts('Jane Q. Doe')).toEqual([{ family: 'Doe', given: 'Jane Q.' }]);
    // BibTeX's own rule, which cannot know that "Le" belongs to the family name…
    expect(parts('Ursula K. Le Guin')).toEqual([{ family: 'Guin', given: 'Ursula K. Le' }]);
    // …so the author says so, with a comma or braces.
    expect(parts('Le Guin, Ursula K.')).toEqual([{ family: 'Le Guin', given: 'Ursula K.' }]);
    expect(parts('Ursula K. {Le Guin}')).toEqual([{ family: 'Le Guin', given: 'Ursula K.' }]);
    expect(parts('{Le Guin}, Ursula K.')).toEqual([{ family: 'Le Guin', given: 'Ursula K.' }]);
    expect(parts('{van der Berg}, Anna')).toEqual([{ family: 'van der Berg', given: 'Anna' }]);
  });

  it('keeps lower-case particles apart from the family name, as CSL sorts and cites them', () => {
    expect(parts('Ludwig van Beethoven')).toEqual([{ given: 'Ludwig', 'non-dropping-particle': 'van', family: 'Beethoven' }]);
    expect(parts('de Gaulle, Charles')).toEqual([{ given: 'Charles', 'non-dropping-particle': 'de', family: 'Gaulle' }]);
  });

  it('knows a suffix wherever it is written', () => {
    const king = { family: 'King', given: 'Martin Luther', suffix: 'Jr.' };
    for (const written of [
      'Martin Luther King Jr.',
      'Martin Luther King, Jr.',
      'King, Jr., Martin Luther',
      'King, Martin Luther, Jr.',
      'King Jr., Martin Luther',
    ]) {
      expect(parts(written), written).toEqual([king]);
    }
    expect(parts('John Smith III')).toEqual([{ family: 'Smith', given: 'John', suffix: 'III' }]);
    expect(parts('Sammy Davis Sr.')).toEqual([{ family: 'Davis', given: 'Sammy', suffix: 'Sr.' }]);
  });

  it('names several authors in a list, or joined by "and" as in BibTeX', () => {
    const two = [
      { family: 'Smith', given: 'Ann' },
      { family: 'Jones', given: 'Bob' },
    ];
    expect(parts('Ann Smith and Bob Jones')).toEqual(two);
    expect(parts('Smith, Ann AND Jones, Bob')).toEqual(two);
    expect(parts(['Ann Smith', 'Bob Jones'])).toEqual(two);
    expect(parts(['Le Guin, Ursula K.', 'Martin Luther King Jr.'])).toEqual([
      { family: 'Le Guin', given: 'Ursula K.' },
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
    ]);
  });

  it('keeps a group, a one-word name and a braced name whole', () => {
    expect(parts('The Essays editors')).toEqual([{ literal: 'The Essays editors' }]);
    expect(parts('Plato')).toEqual([{ literal: 'Plato' }]);
    expect(parts('{Barnes and Noble}')).toEqual([{ literal: 'Barnes and Noble' }]);
  });

  it('takes its other characters as themselves, not as LaTeX', () => {
    expect(parts('Jane 100% Doe & Co')).toEqual([{ family: 'Co', given: 'Jane 100% Doe &' }]);
    expect(parts('Иван Петров')).toEqual([{ family: 'Петров', given: 'Иван' }]);
  });

  it('is refused with a degree or a title, which citations leave out, and kept when braced or a name', () => {
    const problem = (name: string) => {
      const read = readAuthors(name);
      return 'problem' in read ? read.problem : undefined;
    };
    expect(problem('Jane Doe, PhD')).toMatch(/^names "Jane Doe, PhD" with "PhD", which citations leave out; .* as in "Jane Doe"$/);
    expect(problem('Dr. Jane Doe')).toMatch(/with "Dr\.".* as in "Jane Doe"$/);
    expect(problem('Jane Doe MD')).toMatch(/with "MD"/);
    // A family name that looks like a degree, a title in braces: names.
    for (const name of ['Li MA', 'MA Jun', '{Dr Who}']) expect(problem(name), name).toBeUndefined();
  });

  it('is shown in natural order, in the page language’s list', () => {
    expect(read('Le Guin, Ursula K.').map((a) => a.name)).toEqual(['Ursula K. Le Guin']);
    expect(read('King, Jr., Martin Luther').map((a) => a.name)).toEqual(['Martin Luther King Jr.']);
    expect(authorList(read('Ann Smith and Bob Jones'), 'en-GB')).toBe('Ann Smith and Bob Jones');
    expect(authorList(read(['Ann Smith', 'Bob Jones', 'Carl Lee']), 'fr')).toBe('Ann Smith, Bob Jones et Carl Lee');
  });
});

describe('frontmatter errors for `author`', () => {
  const base = { title: 'T', description: 'D.', written: '2014' };
  const message = (author: unknown) => {
    try {
      validateFrontmatter({ ...base, author }, () => ({ file: 'index.md', line: 4 }));
    } catch (error) {
      if (error instanceof EssayErrors) return error.errors.map((e) => e.message.replace(/^index\.md:4: /, ''));
    }
    return [];
  };
  const forms =
    'a name ("Ursula K. Le Guin", or "Le Guin, Ursula K." to say which part is the family name), names joined by "and" ("Ann Smith and Bob Jones"), or a list of names ([Ann Smith, Bob Jones])';

  it('say what forms `author` takes', () => {
    expect(message(42)).toEqual([`\`author\` must be ${forms}.`]);
    expect(message({ 'Barnes and Noble': null })).toEqual([
      `\`author\` must be ${forms}; quote a name in braces: author: "{Barnes and Noble}".`,
    ]);
    expect(message('')).toEqual([`\`author\` is empty; give ${forms}.`]);
    expect(message(['Ann Smith', 42])).toEqual([`\`author\` lists 42, which is not a name; give ${forms}.`]);
  });

  it('say what is wrong with a name', () => {
    expect(message('Ursula K. {Le Guin')).toEqual([
      '`author` names "Ursula K. {Le Guin", whose braces do not pair; braces keep words together, as in "Ursula K. {Le Guin}".',
    ]);
    expect(message(['Ann Smith and Bob Jones'])).toEqual([
      '`author` lists "Ann Smith and Bob Jones", one item naming several authors; give each author an item of their own, or brace a name with "and" in it ({Barnes and Noble}).',
    ]);
    expect(message('Ann Smith and others')).toEqual([
      '`author` ends in "and others", which shortens a list in a .bib file; name every author of the essay.',
    ]);
  });

  it('are none for a list of names', () => {
    expect(message(['Ann Smith', 'Bob Jones'])).toEqual([]);
  });
});

describe('an essay by several authors', () => {
  const facts: EssayFacts = {
    slug: 'an-essay',
    title: 'An Essay',
    description: 'About things.',
    authors: read(['Le Guin, Ursula K.', 'Martin Luther King Jr.']),
    written: { date: new Date('2014-03-05'), precision: 'day' },
    lang: 'en-GB',
    url: new URL('https://example.org/essays/an-essay/'),
    licence: { name: 'All rights reserved' },
    siteName: 'Essays',
  };

  it('is exported with each author in BibTeX, RIS and CSL-JSON, as a reference manager imports them', () => {
    const item = essayItem(facts);
    expect(exportItems([item], 'bib')).toMatch(/^\s+author\s+= \{\{Le Guin\}, Ursula K\. and King, Jr\., Martin Luther\},$/m);
    expect(exportItems([item], 'ris')).toContain('AU  - Le Guin, Ursula K.\nAU  - King, Martin Luther, Jr.\n');
    for (const format of ['bib', 'ris', 'json'] as const) {
      const imported = (new Cite(exportItems([item], format)) as unknown as { data: CslItem[] }).data[0]!;
      expect(imported.author, format).toEqual([
        { family: 'Le Guin', given: 'Ursula K.' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      ]);
    }
  });

  it('gives Scholar one citation_author each, and schema.org a Person each', () => {
    expect(scholarMeta(facts, []).filter(([name]) => name === 'citation_author')).toEqual([
      ['citation_author', 'Le Guin, Ursula K.'],
      ['citation_author', 'King, Martin Luther, Jr.'],
    ]);
    expect(scholarlyArticle(facts, []).author).toEqual([
      { '@type': 'Person', name: 'Ursula K. Le Guin', givenName: 'Ursula K.', familyName: 'Le Guin' },
      { '@type': 'Person', name: 'Martin Luther King Jr.', givenName: 'Martin Luther', familyName: 'King', honorificSuffix: 'Jr.' },
    ]);
  });

  it('gives Open Graph one article:author each', () => {
    const tags = socialMeta({
      title: 'T',
      description: 'D',
      image: new URL('https://example.org/card.png'),
      imageAlt: 'A',
      siteName: 'S',
      lang: 'en-GB',
      article: { published: '2014', authors: facts.authors.map((a) => a.name), tags: [] },
    });
    expect(tags.filter((t) => 'property' in t && t.property === 'article:author').map((t) => t.content)).toEqual([
      'Ursula K. Le Guin',
      'Martin Luther King Jr.',
    ]);
  });
});
