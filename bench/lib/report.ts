import type { BrowserRecord, Bytes, QueryRecord } from './browser.ts';
import type { BuildRecord, Machine, OutputRecord } from './measure.ts';

export type SiteName = 'ours' | 'starlight';

export interface SiteRun {
  site: SiteName;
  n: number;
  /** The build reported: the fastest of `builds` when there were several. */
  build: BuildRecord;
  builds?: BuildRecord[];
  /** A rebuild after one essay was edited, with the caches of the cold build kept. */
  rebuild?: BuildRecord;
  output?: OutputRecord;
  browser?: BrowserRecord;
}

export interface Results {
  date: string;
  seed: number;
  sizes: number[];
  machine: Machine;
  versions: Record<string, string>;
  /** The commit measured, and whether the site's files differed from it. */
  source: { commit: string; modified: boolean; ref?: string };
  essayPath: string;
  queries: string[];
  runs: SiteRun[];
}

const MB = 1024 * 1024;

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const milliseconds = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 2 : 1)} MB`;
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

interface Figure {
  label: string;
  value(run: SiteRun): number | undefined;
  format(value: number): string;
}

const byQuery = (pick: (q: QueryRecord) => number, combine: (values: number[]) => number) => (run: SiteRun) => {
  const queries = run.browser?.search ?? [];
  return queries.length > 0 ? combine(queries.map(pick)) : undefined;
};

/**
 * The essay page's first load by kind. Fonts are counted apart (their own
 * budget, 60 kB): 'total' and 'rest' leave them out, so that a site that
 * brings its own text face compares with one that does not on what else it
 * makes readers fetch.
 */
const essayBytes = (kind: keyof Bytes | 'rest') => (run: SiteRun) => {
  const bytes = run.browser?.essayPage.bytes;
  if (!bytes) return undefined;
  const fonts = bytes.font ?? 0;
  if (kind === 'total') return bytes.total - fonts;
  if (kind !== 'rest') return bytes[kind] ?? 0;
  return bytes.total - fonts - (bytes.html ?? 0) - (bytes.css ?? 0) - (bytes.js ?? 0);
};

const ok = (run: SiteRun) => run.build.exitCode === 0;

export const FIGURES: Figure[] = [
  { label: 'build: wall time', value: (r) => (ok(r) ? r.build.wallMs : undefined), format: seconds },
  { label: 'build: CPU time', value: (r) => (ok(r) ? r.build.cpuMs : undefined), format: seconds },
  { label: 'build: peak memory', value: (r) => (ok(r) ? r.build.peakTreeRssBytes : undefined), format: megabytes },
  {
    label: 'rebuild after editing one essay: wall time',
    value: (r) => (r.rebuild?.exitCode === 0 ? r.rebuild.wallMs : undefined),
    format: seconds,
  },
  {
    label: 'rebuild after editing one essay: CPU time',
    value: (r) => (r.rebuild?.exitCode === 0 ? r.rebuild.cpuMs : undefined),
    format: seconds,
  },
  {
    label: 'build: CPU used by other processes meanwhile (noise)',
    value: (r) => (ok(r) ? r.build.otherCpuMs : undefined),
    format: seconds,
  },
  { label: 'output: bytes on disk', value: (r) => r.output?.bytes, format: megabytes },
  { label: 'Pagefind index bytes', value: (r) => r.output?.pagefindIndexBytes, format: kilobytes },
  { label: 'essay page, first load: HTML', value: essayBytes('html'), format: kilobytes },
  { label: 'essay page, first load: CSS', value: essayBytes('css'), format: kilobytes },
  { label: 'essay page, first load: JS', value: essayBytes('js'), format: kilobytes },
  { label: 'essay page, first load: other', value: essayBytes('rest'), format: kilobytes },
  { label: 'essay page, first load: total (fonts apart)', value: essayBytes('total'), format: kilobytes },
  { label: 'essay page, first load: fonts', value: essayBytes('font'), format: kilobytes },
  { label: 'search: bytes to first results (mean)', value: byQuery((q) => q.uiBytes.total, mean), format: kilobytes },
  {
    label: 'essay page, then search: bytes to first results (mean)',
    value: (r) => {
      const search = byQuery((q) => q.uiBytes.total, mean)(r);
      return search === undefined ? undefined : search + r.browser!.essayPage.bytes.total;
    },
    format: kilobytes,
  },
  { label: 'search: UI, typing to first result (mean)', value: byQuery((q) => q.uiColdMs, mean), format: milliseconds },
  { label: 'search: cold query, API (mean)', value: byQuery((q) => q.apiColdMs, mean), format: milliseconds },
  {
    label: 'search: warm query, API (slowest)',
    value: byQuery(
      (q) => q.apiWarmMs,
      (v) => Math.max(...v),
    ),
    format: milliseconds,
  },
];

/** Whether other processes took more than a fifth of the CPU the build itself used: its timings are suspect. */
function noisy(run: SiteRun): boolean {
  return run.build.otherCpuMs > 0.2 * run.build.cpuMs;
}

function find(results: Results, site: SiteName, n: number): SiteRun | undefined {
  return results.runs.find((r) => r.site === site && r.n === n);
}

function ratio(ours: number | undefined, theirs: number | undefined): string {
  if (ours === undefined || theirs === undefined || theirs === 0) return '—';
  return (ours / theirs).toFixed(2);
}

/** The main table: every figure at every N, as ours, Starlight's and the ratio. */
export function table(results: Results): string {
  const rows = ['| N | figure | ours | Starlight | ours ÷ Starlight |', '| ---: | --- | ---: | ---: | ---: |'];
  for (const n of results.sizes) {
    const [ours, theirs] = [find(results, 'ours', n), find(results, 'starlight', n)];
    for (const figure of FIGURES) {
      const a = ours && figure.value(ours);
      const b = theirs && figure.value(theirs);
      const cell = (v: number | undefined, run: SiteRun | undefined) =>
        v !== undefined
          ? `${figure.format(v)}${figure.label.startsWith('build: ') && run && noisy(run) ? ' †' : ''}`
          : run && !ok(run)
            ? `failed (exit ${run.build.exitCode})`
            : '—';
      rows.push(`| ${n.toLocaleString('en')} | ${figure.label} | ${cell(a, ours)} | ${cell(b, theirs)} | ${ratio(a, b)} |`);
    }
  }
  return rows.join('\n');
}

/** Per-query figures at one N. */
export function queryTable(results: Results, n: number): string {
  const [ours, theirs] = [find(results, 'ours', n), find(results, 'starlight', n)];
  const rows = [
    `| query (N = ${n.toLocaleString('en')}) | pages found | bytes to first results | UI, typing to result | cold query | warm query |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const query of results.queries) {
    const a = ours?.browser?.search.find((q) => q.query === query);
    const b = theirs?.browser?.search.find((q) => q.query === query);
    const pair = (pick: (q: QueryRecord) => number, format: (v: number) => string) =>
      `${a ? format(pick(a)) : '—'} / ${b ? format(pick(b)) : '—'}`;
    rows.push(
      `| ${query} | ${pair((q) => q.results, String)} | ${pair((q) => q.uiBytes.total, kilobytes)} | ${pair((q) => q.uiColdMs, milliseconds)} | ${pair((q) => q.apiColdMs, milliseconds)} | ${pair((q) => q.apiWarmMs, milliseconds)} |`,
    );
  }
  return `${rows.join('\n')}\n\nEach cell is ours / Starlight's.`;
}

interface Verdict {
  target: string;
  met: boolean | undefined;
  detail: string;
}

/** The issue's targets, judged from this run. */
export function verdicts(results: Results): Verdict[] {
  const value = (site: SiteName, n: number, label: string) => {
    const run = find(results, site, n);
    return run && FIGURES.find((f) => f.label === label)!.value(run);
  };
  const ratioAt = (n: number, label: string) => {
    const [a, b] = [value('ours', n, label), value('starlight', n, label)];
    return a !== undefined && b !== undefined && b > 0 ? a / b : undefined;
  };
  const at = (ns: number[], target: string, label: string, limit: number): Verdict => {
    const parts = ns.filter((n) => results.sizes.includes(n)).map((n) => ({ n, r: ratioAt(n, label) }));
    return {
      target,
      met: parts.length > 0 && parts.every((p) => p.r !== undefined) ? parts.every((p) => p.r! <= limit) : undefined,
      detail: parts.map((p) => `N=${p.n}: ${p.r === undefined ? '—' : p.r.toFixed(2)}`).join(', ') || 'needs those sizes',
    };
  };
  const cold = (n: number) => value('ours', n, 'build: wall time');
  const warm = (site: SiteName, n: number) => value(site, n, 'rebuild after editing one essay: wall time');
  const [small, large] = [cold(100), cold(1000)];
  const [ourWarm, theirWarm, ourCold] = [warm('ours', 1000), warm('starlight', 1000), cold(1000)];
  const [ourMemory, theirMemory] = [value('ours', 1000, 'build: peak memory'), value('starlight', 1000, 'build: peak memory')];
  const list: Verdict[] = [
    at([10, 100, 1000], 'cold build at or below Starlight’s at N = 10, 100 and 1,000 (ratio ≤ 1)', 'build: wall time', 1),
    {
      target: 'rebuild after editing one essay at N = 1,000 at most 0.2× our cold build, and at most Starlight’s rebuild',
      met:
        ourWarm !== undefined && ourCold !== undefined && theirWarm !== undefined
          ? ourWarm <= 0.2 * ourCold && ourWarm <= theirWarm
          : undefined,
      detail:
        ourWarm !== undefined && ourCold !== undefined
          ? `${seconds(ourWarm)} ÷ ${seconds(ourCold)} cold = ${(ourWarm / ourCold).toFixed(2)}×; Starlight’s ${theirWarm === undefined ? '—' : seconds(theirWarm)}`
          : 'needs N = 1,000 with a rebuild',
    },
    {
      target: 'peak memory at N = 1,000 at most Starlight’s',
      met: ourMemory !== undefined && theirMemory !== undefined ? ourMemory <= theirMemory : undefined,
      detail:
        ourMemory !== undefined
          ? `${megabytes(ourMemory)} against ${theirMemory === undefined ? '—' : megabytes(theirMemory)}`
          : 'needs N = 1,000',
    },
    {
      target: 'N = 1,000 in under 10× the N = 100 time',
      met: small !== undefined && large !== undefined ? large < 10 * small : undefined,
      detail:
        small !== undefined && large !== undefined
          ? `${seconds(large)} ÷ ${seconds(small)} = ${(large / small).toFixed(2)}×`
          : 'needs N = 100 and 1,000',
    },
    at(
      results.sizes,
      'essay page first load at most half of Starlight’s bytes (ratio ≤ 0.5)',
      'essay page, first load: total (fonts apart)',
      0.5,
    ),
    at(results.sizes, 'bytes to first search results at most Starlight’s (ratio ≤ 1)', 'search: bytes to first results (mean)', 1),
  ];
  const fonts = results.sizes.map((n) => ({ n, bytes: value('ours', n, 'essay page, first load: fonts') }));
  list.push({
    target: 'essay page fonts under 60 kB (counted apart from the first load)',
    met: fonts.every((f) => f.bytes !== undefined) ? fonts.every((f) => f.bytes! < 60 * 1024) : undefined,
    detail: fonts.map((f) => `N=${f.n}: ${f.bytes === undefined ? '—' : kilobytes(f.bytes)}`).join(', '),
  });
  return list;
}

/** The whole report, as Markdown. */
export function report(results: Results): string {
  const m = results.machine;
  const largest = Math.max(...results.sizes);
  const versions = Object.entries(results.versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const errors = results.runs.flatMap((r) => (r.browser?.errors ?? []).map((e) => `- ${r.site}, N = ${r.n}: ${e}`));
  return [
    `Run on ${results.date} (seed ${results.seed}), commit ${results.source.commit}${results.source.ref ? ` (--ref ${results.source.ref})` : ''}${results.source.modified ? ' with uncommitted changes to the site' : ''}.`,
    '',
    `- Machine: ${m.cpu}, ${m.cores} cores, ${(m.memoryBytes / 1024 / MB).toFixed(0)} GB; ${m.os}`,
    `- Versions: Node ${m.node}, ${versions}`,
    `- Essay page measured: \`${results.essayPath}\` (essay 1 of the corpus, the same page at every N)`,
    `- Queries: ${results.queries.map((q) => `“${q}”`).join(', ')}`,
    '',
    table(results),
    '',
    ...(results.runs.some(noisy)
      ? ['† Other processes used more than a fifth as much CPU as this build did while it ran: its times are inflated.', '']
      : []),
    ...(results.runs.some((r) => r.builds)
      ? [
          `Build figures are those of the fastest of ${Math.max(...results.runs.map((r) => r.builds?.length ?? 1))} cold builds where repeated.`,
          '',
        ]
      : []),
    queryTable(results, largest),
    '',
    '**Targets**',
    '',
    ...verdicts(results).map((v) => `- ${v.met === undefined ? '?' : v.met ? '✓' : '✗'} ${v.target}: ${v.detail}`),
    ...(errors.length > 0 ? ['', '**Errors in the browser**', '', ...errors] : []),
  ].join('\n');
}
