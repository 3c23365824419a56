import { describe, expect, it } from 'vitest';
import { splitEssay } from '../../src/loader/frontmatter.ts';
import { datesToCome } from '../../src/loader/render.ts';
import { essaySchema, habitOf, validateFrontmatter } from '../../src/loader/schema.ts';
import { EssayErrors } from '../../src/lib/essay-error.ts';

/**
 * The problems frontmatter lines raise beside a title, description and
 * written date (less those the lines give, and `without`), as the loader
 * words them, without the file's name.
 */
function problems(lines: string, without: string[] = []): string[] {
  const fields = new Set([...[...lines.matchAll(/^(\w+):/gm)].map((m) => m[1]), ...without]);
  const base = ['title: T', 'description: D.', 'written: 2014-03-01'].filter((line) => !fields.has(line.split(':')[0]));
  const split = splitEssay(`---\n${[...base, lines].join('\n')}\n---\n`, 'index.md');
  try {
    validateFrontmatter(split.data, split.placeOf, split.textOf);
  } catch (error) {
    if (error instanceof EssayErrors) return error.errors.map((e) => e.message.replace(/^index\.md:\d+:\d+: /, ''));
    throw error;
  }
  return [];
}

describe('frontmatter messages', () => {
  it('say that tags are a list, and quote a number given as one tag', () => {
    expect(problems('tags: 5')).toEqual([
      '`tags` must be a list, such as `tags: [history, russia]`, or one tag (`tags: history`); 5 is read as a number: put it in quotes, `tags: "5"`.',
    ]);
  });

  it('ask for quotes around a number or true given as text, as it was typed', () => {
    expect(problems('title: 1917')).toEqual(['`title` must be text; 1917 is read as a number: put it in quotes, `title: "1917"`.']);
    expect(problems('title: 3.10')).toEqual(['`title` must be text; 3.10 is read as a number: put it in quotes, `title: "3.10"`.']);
    expect(problems('csl: false')).toEqual([
      '`csl` must be the name of a citation style, such as `csl: chicago-author-date`; false is read as a yes-or-no value: put it in quotes, `csl: "false"`.',
    ]);
    // YAML 1.2 reads `yes` as text: nothing to quote.
    expect(problems('description: yes')).toEqual([]);
  });

  it('say what an empty or short value should be, not in zod’s words', () => {
    expect(problems('csl: ""')).toEqual(['`csl` is empty; give the name of a citation style, such as `csl: chicago-author-date`.']);
    expect(problems('lang: e')).toEqual(['`lang` must be a language tag, such as `lang: en-GB`.']);
    expect(problems('nocite: [""]')).toEqual(['`nocite.0` is empty; give a citation key.']);
    expect(problems('title:')).toEqual(['`title` has no value; write it as `title: "The July Days"`.']);
    expect(problems('draft: "true"')).toEqual(['`draft` must be true or false, without quotes: `draft: true`.']);
  });

  it('do not ask for quotes where a date goes', () => {
    expect(problems('updated: true')).toEqual([
      '`updated` must be a date (YYYY, YYYY-MM or YYYY-MM-DD), or false when the essay has not been revised.',
    ]);
  });

  it('say which day a month lacks, leap years counted', () => {
    expect(problems('written: 2024-02-30')).toEqual(['`written`: "2024-02-30" is not a date: February 2024 has 29 days; check the day.']);
    expect(problems('written: 2100-02-29')).toEqual(['`written`: "2100-02-29" is not a date: February 2100 has 28 days; check the day.']);
    expect(problems('written: 2000-02-29')).toEqual([]);
    expect(problems('written: 2014-04-31')).toEqual(['`written`: "2014-04-31" is not a date: April 2014 has 30 days; check the day.']);
    expect(problems('written: 2014-00')).toEqual([
      '`written`: "2014-00" is not a date: there is no month 00; dates are written year, month, day (YYYY-MM-DD).',
    ]);
    expect(problems('written: October 2013')[0]).toContain('is not a date this site reads; write YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it('name the field another tool’s frontmatter calls by another name', () => {
    // Only the one message: not "the frontmatter has no `written`" as well.
    expect(problems('pubDate: 2024-01-01', ['written'])).toEqual([
      'unknown frontmatter field `pubDate` — did you mean `written`? Write `written: 2024-01-01`.',
    ]);
    expect(problems('pubDate: 2024-01-01')).toEqual([
      'unknown frontmatter field `pubDate` — did you mean `written`? The frontmatter has a `written` already: remove this line.',
    ]);
    expect(problems('updated_at: 2024-01-01')).toEqual([
      'unknown frontmatter field `updated_at` — did you mean `updated`? Write `updated: 2024-01-01`.',
    ]);
    expect(problems('categories:\n  - history')).toEqual([
      'unknown frontmatter field `categories` — did you mean `tags`? Rename the field.',
    ]);
    expect(problems('published: true')).toEqual([
      'unknown frontmatter field `published`: every essay that is not a draft is published; remove this line.',
    ]);
  });

  it('suggest only fields the schema has', () => {
    const fields = Object.keys(essaySchema.shape);
    const habits = ['date', 'published', 'pubDate', 'created', 'modified', 'lastmod', 'updated_at', 'summary', 'excerpt', 'abstract'];
    for (const name of [...habits, 'authors', 'keywords', 'categories', 'language', 'license']) {
      expect(fields, name).toContain(habitOf(name));
    }
    expect(habitOf('layout')).toBeUndefined();
  });
});

describe('tags', () => {
  it('are trimmed, their inner spaces single, and each once, in its first spelling', () => {
    const split = splitEssay(
      '---\ntitle: T\ndescription: D.\nwritten: 2014-03-01\ntags: [History, history, " spaced  out ", HISTORY, russia]\n---\n',
      'index.md',
    );
    expect(validateFrontmatter(split.data, split.placeOf, split.textOf).tags).toEqual(['History', 'spaced out', 'russia']);
  });
});

describe('dates still to come', () => {
  /** The warnings of a frontmatter on 7 December 2026, at their places. */
  const warnings = (lines: string) => {
    const split = splitEssay(`---\ntitle: T\ndescription: D.\n${lines}\n---\n`, 'index.md');
    const data = validateFrontmatter(split.data, split.placeOf, split.textOf);
    return datesToCome(data, split.data, split.placeOf, new Date('2026-12-07T12:00:00Z')).map(
      ({ place, problem }) => `${place.line}:${place.column}: ${problem.split(':')[0]}`,
    );
  };

  it('are named where they are written, whether the date stands alone or with its note', () => {
    expect(warnings('written: 2031-10')).toEqual([
      '4:10: written is dated 2031-10, which is still to come in every time zone (the furthest ahead is at 2026-12-08)',
    ]);
    expect(warnings('written:\n  date: 2027\n  note: Written in 2027')).toEqual([
      '5:9: written is dated 2027, which is still to come in every time zone (the furthest ahead is at 2026-12-08)',
    ]);
    expect(warnings('written: 2013-10\nupdated: 2027-01-02\nrevisions:\n  - { date: 2026-12-09, note: Fixed. }')).toEqual([
      '5:10: updated is dated 2027-01-02, which is still to come in every time zone (the furthest ahead is at 2026-12-08)',
      '7:13: the revision is dated 2026-12-09, which is still to come in every time zone (the furthest ahead is at 2026-12-08)',
    ]);
  });

  it('take a month or a year as come from its first day, and a day as come once it has come anywhere', () => {
    expect(warnings('written: 2026-12')).toEqual([]);
    expect(warnings('written: 2026\nupdated: 2026-12-07')).toEqual([]);
    // At noon in London it is already the 8th east of UTC+12.
    expect(warnings('written: 2026-12-08')).toEqual([]);
  });
});
