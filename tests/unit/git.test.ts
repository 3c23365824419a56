import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate, parseCalendarDate, revisedDate } from '../../src/lib/dates.ts';
import { type LastChange, lastChanges } from '../../src/loader/git.ts';
import { commitAll, essayRepository, git, writeFiles } from '../support/git.ts';

let tmp: string;
let origin: string;

const day = (change: LastChange) => (change.kind === 'known' ? isoDate(change.date.date) : change.kind);

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'essays-git-'));
  origin = path.join(tmp, 'origin');
  essayRepository(origin, (name) => `---\ntitle: ${name}\n---\n`);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the last change to each essay folder', () => {
  it('is the author’s date of the last commit that changed any file in it, in the author’s own time zone', async () => {
    const changes = await lastChanges(path.join(origin, 'content/essays'));
    expect(day(changes('a'))).toBe('2017-09-30');
    expect(day(changes('b'))).toBe('2016-05-01');
  });

  it('is none for a folder never committed, and outside a repository', async () => {
    expect(day((await lastChanges(path.join(origin, 'content/essays')))('c'))).toBe('none');
    const outside = mkdtempSync(path.join(os.tmpdir(), 'essays-no-git-'));
    try {
      expect(day((await lastChanges(outside))('a'))).toBe('none');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('is that it was added, with no date, when the only commit that changed the folder is the one that added it', async () => {
    const repo = path.join(tmp, 'added');
    essayRepository(repo, (name) => `---\ntitle: ${name}\n---\n`);
    writeFiles(repo, { 'content/essays/migrated/index.md': '---\ntitle: Migrated\n---\n', 'content/essays/migrated/refs.bib': '' });
    commitAll(repo, 'Add an essay written elsewhere', '2020-06-01T12:00:00+00:00');
    const changes = await lastChanges(path.join(repo, 'content/essays'));
    expect(day(changes('migrated'))).toBe('added');
    // Folders changed after the commit that added them keep their last change's date.
    expect(day(changes('a'))).toBe('2017-09-30');
  });

  it('is unknown in a shallow clone when the folder’s last change is the clone’s oldest commit', async () => {
    const one = path.join(tmp, 'depth-1');
    git(tmp, ['clone', '-q', '--depth', '1', `file://${origin}`, one]);
    const changes = await lastChanges(path.join(one, 'content/essays'));
    // The only commit shows every file as new: a's change there may or may not be its last.
    expect(day(changes('a'))).toBe('shallow');
    expect(day(changes('b'))).toBe('shallow');
  });

  it('is known in a shallow clone when the folder changed after the clone’s oldest commit', async () => {
    const two = path.join(tmp, 'depth-2');
    git(tmp, ['clone', '-q', '--depth', '2', `file://${origin}`, two]);
    const changes = await lastChanges(path.join(two, 'content/essays'));
    expect(day(changes('a'))).toBe('2017-09-30');
    expect(day(changes('b'))).toBe('shallow');
  });
});

describe('the revision date an essay shows', () => {
  const date = (text: string) => parseCalendarDate(text)!;

  it('is the author’s `updated`, whatever the repository says', () => {
    expect(revisedDate(date('2014-03-01'), date('2015-02'), date('2020-01-01'))).toEqual(date('2015-02'));
  });

  it('is the last commit’s date only when it falls after the period the essay is dated to', () => {
    expect(revisedDate(date('2014-03'), undefined, date('2014-03-20')), 'the same month as "written 2014-03"').toBeUndefined();
    expect(revisedDate(date('2014-03'), undefined, date('2014-04-02'))).toEqual(date('2014-04-02'));
    expect(revisedDate(date('2014'), undefined, date('2014-12-31'))).toBeUndefined();
    expect(revisedDate(date('2014-03-01'), undefined, undefined)).toBeUndefined();
  });
});
