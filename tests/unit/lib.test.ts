import { describe, expect, it } from 'vitest';
import { parseBibliography } from '../../src/lib/bibliography.ts';
import { findMarkers } from '../../src/lib/citation-markers.ts';
import { describeWritten, isoDate } from '../../src/lib/dates.ts';
import { authorMessage, formatPlace } from '../../src/lib/essay-error.ts';
import { type EssayFacts, essayItem, exportItems, formatEntries, personName } from '../../src/lib/essay-record.ts';
import { countWords, readingMinutes } from '../../src/lib/reading-time.ts';
import { jsonForScript, scholarMeta } from '../../src/lib/scholar-metadata.ts';
import { closest, didYouMean } from '../../src/lib/suggest.ts';

const facts: EssayFacts = {
  slug: 'an-essay',
  title: 'An Essay',
  description: 'About things.',
  author: 'Jane Q. Doe',
  written: { date: new Date('2014-03-05'), precision: 'day' },
  lang: 'en-US',
  csl: 'apa',
  url: new URL('https://example.org/essays/an-essay/'),
  siteName: 'Essays',
  file: 'content/essays/an-essay/index.md',
};

describe('suggestions', () => {
  it('suggests the nearest key for a plausible typo only', () => {
    expect(closest('pipes1986', ['pipes1968', 'figes1996'])).toBe('pipes1968');
    expect(closest('zzzzzz', ['pipes1968', 'figes1996'])).toBeUndefined();
    expect(didYouMean('figes1969', ['figes1996'], '@')).toBe(' — did you mean @figes1996?');
  });
});

describe('citation markers', () => {
  it('finds bracketed groups with their keys, and bare in-text keys', () => {
    const markers = findMarkers('See [@a; -@b, p. 4] and @cc [p. 2], not a@d.');
    expect(markers.map((m) => [m.text, m.keys, m.bracketed])).toEqual([
      ['[@a; -@b, p. 4]', ['a', 'b'], true],
      ['@cc [p. 2]', ['cc'], false],
    ]);
  });
});

describe('dates', () => {
  it('says no more than the author knows', () => {
    const date = new Date('2013-10-01');
    expect(isoDate(date, 'month')).toBe('2013-10');
    expect(isoDate(date, 'year')).toBe('2013');
    expect(describeWritten({ date, precision: 'month' }, 'en-GB')).toBe('Written October 2013');
    expect(describeWritten({ date, note: 'Around October 2013' }, 'en-GB')).toBe('Around October 2013');
  });
});

describe('reading time', () => {
  it('counts words, not citation keys or markup', () => {
    expect(countWords('## A heading\n\nOne *two* three [@key; @other].')).toBe(5);
    expect(readingMinutes('word '.repeat(2200))).toBe(10);
    expect(readingMinutes('')).toBe(1);
  });
});

describe('errors', () => {
  it('name files relative to the working directory, with the line', () => {
    expect(formatPlace({ file: `${process.cwd()}/content/x/index.md`, line: 3 })).toBe('content/x/index.md:3');
  });

  it('strip Astro’s prefixes from a logged render error', () => {
    const logged =
      'Error rendering x/index.md: Failed to parse Markdown file "/abs/x/index.md":\ncontent/x/index.md:3: unknown citation key @a';
    expect(authorMessage(logged)).toBe('content/x/index.md:3: unknown citation key @a');
  });
});

describe('bibliographies', () => {
  it('parse entries with their keys and lines', () => {
    const bib = parseBibliography('x.bib', '@comment{notes}\n\n@book{a,\n  title = {A},\n  year = {2000},\n}\n');
    expect(bib.keys).toEqual(['a']);
    expect(bib.lines.get('a')).toBe(3);
  });
});

describe('the essay’s own record', () => {
  it('is a CSL item with the author split into family and given names', () => {
    expect(personName('Jane Q. Doe')).toEqual({ family: 'Doe', given: 'Jane Q.' });
    expect(personName('Plato')).toEqual({ literal: 'Plato' });
    expect(essayItem(facts)).toMatchObject({ id: 'an-essay', type: 'webpage', issued: { 'date-parts': [[2014, 3, 5]] } });
  });

  it('formats in the essay’s style and exports to BibTeX, RIS and CSL-JSON', () => {
    expect(formatEntries([essayItem(facts)], 'apa', 'en-US', facts.file)).toEqual([
      'Doe, J. Q. (2014, March 5). <i>An Essay</i>. Essays. https://example.org/essays/an-essay/',
    ]);
    expect(exportItems([essayItem(facts)], 'bib')).toContain('author = {Doe, Jane Q.}');
    expect(exportItems([essayItem(facts)], 'ris')).toContain('AU  - Doe, Jane Q.');
    expect(exportItems([essayItem(facts)], 'ris')).not.toContain('AB  -');
    expect(JSON.parse(exportItems([essayItem(facts)], 'json'))[0].abstract).toBe('About things.');
  });
});

describe('scholarly metadata', () => {
  it('gives Scholar the author and the date as precisely as known', () => {
    expect(scholarMeta({ ...facts, written: { date: new Date('2013-10-01'), precision: 'month' } }, [])).toEqual([
      ['citation_title', 'An Essay'],
      ['citation_author', 'Jane Q. Doe'],
      ['citation_publication_date', '2013/10'],
      ['citation_language', 'en-US'],
      ['citation_fulltext_html_url', 'https://example.org/essays/an-essay/'],
    ]);
  });

  it('cannot close its script element', () => {
    expect(jsonForScript({ title: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});
