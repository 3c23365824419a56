import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Runs git in `cwd` as a test author, with the author's and committer's date set (`2015-02-10T12:00:00+01:00`). */
export function git(cwd: string, args: string[], date?: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.org',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.org',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
    },
  });
}

/** Writes files (relative paths → text) under `dir`, making folders as needed. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

/** Commits what changed under `dir`'s `content/` (or the paths given) at `date`. */
export function commitAll(dir: string, message: string, date: string, paths = ['content']): void {
  git(dir, ['add', '-A', '--', ...paths]);
  git(dir, ['commit', '-q', '-m', message], date);
}

/**
 * A repository of essay folders with three commits: a and b added (2015-02-10),
 * b changed (2016-05-01), a changed (2017-09-30, late in the evening in UTC−7:
 * the author's own day), and c never committed.
 */
export function essayRepository(dir: string, essay: (name: string) => string): void {
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  writeFiles(dir, { 'content/essays/a/index.md': essay('a'), 'content/essays/b/index.md': essay('b') });
  commitAll(dir, 'Add a and b', '2015-02-10T12:00:00+01:00');
  writeFiles(dir, { 'content/essays/b/index.md': `${essay('b')}\nMore.\n` });
  commitAll(dir, 'Revise b', '2016-05-01T09:00:00+00:00');
  writeFiles(dir, { 'content/essays/a/notes.txt': 'A file beside the essay.\n' });
  commitAll(dir, 'Revise a', '2017-09-30T23:30:00-07:00');
  writeFiles(dir, { 'content/essays/c/index.md': essay('c') });
}
