/**
 * What an import did, for the author: what it made, what it kept aside and
 * why, and every guess it made, each with the file (and line) to look at.
 */

export interface Check {
  /** The file to look at, relative to the working directory. */
  file: string;
  line?: number | undefined;
  kind: 'guess' | 'warning';
  message: string;
}

export type EssayStatus =
  /** Written now. */
  | 'made'
  /** Would be written (--dry-run). */
  | 'would make'
  /** Overwritten (--force). */
  | 'replaced'
  /** Already there with exactly what this import would write. */
  | 'unchanged'
  /** Already there, different, left alone (no --force). */
  | 'differs';

export interface EssayReport {
  slug: string;
  title: string;
  /** The essay's folder, relative to the working directory. */
  dir: string;
  status: EssayStatus;
  /** File names in the folder that this import writes (or would). */
  files: string[];
  references: number;
  comments: number;
  images: number;
  checks: Check[];
}

export interface KeptAside {
  id: string;
  title: string;
  type: string;
  status: string;
  reason: string;
}

export interface Report {
  /** The export, as named on the command line. */
  source: string;
  site: string;
  essays: EssayReport[];
  keptAside: KeptAside[];
  dryRun: boolean;
}

const STATUS_HEADINGS: Record<EssayStatus, string> = {
  made: 'Made',
  'would make': 'Would make (dry run: nothing written)',
  replaced: 'Replaced (--force)',
  unchanged: 'Already there, identical to this import: left as they are',
  differs: 'Already there and different: left as they are (--force overwrites them)',
};

/** The report as text for the terminal. */
export function formatReport(report: Report): string {
  const lines: string[] = [`WordPress import from ${report.source} (${report.site})`];
  for (const status of Object.keys(STATUS_HEADINGS) as EssayStatus[]) {
    const essays = report.essays.filter((e) => e.status === status);
    if (essays.length === 0) continue;
    lines.push('', `${STATUS_HEADINGS[status]} (${essays.length}):`);
    for (const essay of essays) {
      const parts = [
        'index.md',
        ...(essay.references ? [`references.bib (${plural(essay.references, 'work')})`] : []),
        ...(essay.comments ? [`comments.json (${plural(essay.comments, 'comment')})`] : []),
        ...(essay.images ? [plural(essay.images, 'image')] : []),
      ];
      lines.push(`  ${essay.dir}/  “${essay.title}”: ${parts.join(', ')}`);
    }
  }

  if (report.keptAside.length > 0) {
    lines.push('', `Kept aside, not published (${report.keptAside.length}):`);
    const grouped = new Map<string, KeptAside[]>();
    for (const item of report.keptAside) {
      if (item.type === 'post' || item.type === 'page') {
        lines.push(`  ${item.type} ${item.id} “${item.title}”: ${item.reason}`);
      } else grouped.set(item.reason, [...(grouped.get(item.reason) ?? []), item]);
    }
    for (const [reason, items] of grouped) lines.push(`  ${plural(items.length, items[0]!.type.replace(/_/g, ' '))}: ${reason}`);
  }

  const checks = report.essays.filter((e) => e.status !== 'unchanged' && e.status !== 'differs').flatMap((e) => e.checks);
  if (checks.length > 0) {
    lines.push('', `Needs your eye (${checks.length}):`);
    for (const check of checks) {
      lines.push(`  ${check.file}${check.line ? `:${check.line}` : ''}: ${check.kind === 'guess' ? 'guess: ' : ''}${check.message}`);
    }
  }
  if (report.essays.length === 0) lines.push('', 'No published posts or pages to import.');
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
