import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { type CalendarDate, parseCalendarDate } from '../lib/dates.ts';

const run = promisify(execFile);

/** What the repository says of a folder's last change. */
export type LastChange =
  /** The author's date (in their own time zone) of the last commit that changed the folder. */
  | { kind: 'known'; date: CalendarDate; commit: string }
  /**
   * Only one commit ever changed it, the one that added it: that is the
   * essay's publication, not a revision (an essay migrated from elsewhere
   * would otherwise claim to be revised on the day it was added).
   */
  | { kind: 'added'; commit: string }
  /**
   * A shallow clone's oldest commit changed it: that commit shows every file as
   * new, so the folder's real last change may be older, and is not known.
   */
  | { kind: 'shallow'; commit: string }
  /** Not in a git repository, or never committed. */
  | { kind: 'none' };

/**
 * The last commit that changed each folder under `dir` (one folder per essay),
 * or that the only commit to change it is the one that added it,
 * read from one `git log` over the folder's history rather than one per
 * essay. Outside a repository (or without git) every folder has none.
 *
 * In a shallow clone (CI checkouts fetch one commit by default) a folder
 * whose last change is at the shallow boundary is `shallow`: its date cannot
 * be told, and the caller says so. A change after the boundary is a real
 * change, and its date is right.
 */
export async function lastChanges(dir: string): Promise<(folder: string) => LastChange> {
  const git = (...args: string[]) => run('git', ['-c', 'core.quotePath=false', ...args], { cwd: dir, maxBuffer: 256 * 1024 * 1024 });
  let shallow: Set<string>;
  try {
    const { stdout } = await git('rev-parse', '--is-shallow-repository', '--git-path', 'shallow');
    const [isShallow, shallowFile] = stdout.trim().split('\n');
    shallow = isShallow === 'true' ? await boundary(path.resolve(dir, shallowFile!)) : new Set();
  } catch {
    return () => ({ kind: 'none' });
  }
  let log: string;
  try {
    // Author dates (%as: the day in the author's own time zone), newest first, with the files each commit changed, relative to dir.
    ({ stdout: log } = await git('log', '--format=%x00%H %as', '--name-only', '--no-renames', '--relative', '--', '.'));
  } catch {
    // A repository with no commits yet.
    return () => ({ kind: 'none' });
  }
  const changes = new Map<string, LastChange>();
  const commits = new Map<string, number>();
  for (const entry of log.split('\0').slice(1)) {
    const [header = '', ...files] = entry.split('\n');
    const [commit = '', day = ''] = header.split(' ');
    const date = parseCalendarDate(day);
    if (!date) continue;
    const folders = new Set(files.filter((file) => file.includes('/')).map((file) => file.split('/')[0]!));
    for (const folder of folders) {
      commits.set(folder, (commits.get(folder) ?? 0) + 1);
      if (changes.has(folder)) continue;
      changes.set(folder, shallow.has(commit) ? { kind: 'shallow', commit } : { kind: 'known', date, commit });
    }
  }
  // A folder one commit ever changed was added by it, unless that commit is a shallow clone's oldest (which shows every file as new).
  for (const [folder, change] of changes) {
    if (change.kind === 'known' && commits.get(folder) === 1) changes.set(folder, { kind: 'added', commit: change.commit });
  }
  return (folder) => changes.get(folder) ?? { kind: 'none' };
}

/** The commits at a shallow clone's boundary (`.git/shallow`, one hash a line). */
async function boundary(file: string): Promise<Set<string>> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return new Set(text.split('\n').filter(Boolean));
}
