/**
 * `npm run bench [-- options]`: builds the same generated corpus with this site
 * and with Starlight at each size, cold, and measures the builds and the built
 * sites in Chromium. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launchChromium, measureInBrowser, OUR_SEARCH, STARLIGHT_SEARCH } from './lib/browser.ts';
import { COMMON_QUERIES, DEFAULT_SEED, type Essay, generateCorpus } from './lib/corpus.ts';
import { type BuildRecord, machine, measureBuild, measureOutput, settle } from './lib/measure.ts';
import { report, type Results, type SiteRun } from './lib/report.ts';
import { installBenchPackage } from './lib/install.ts';
import { writeOurSite, writeStarlightSite } from './lib/sites.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

const USAGE = `Usage: npm run bench -- [options]

  --sizes 1,10,100,1000   corpus sizes to build (default: 1,10,100,1000)
  --seed 1917             corpus seed (default: ${DEFAULT_SEED})
  --out bench/out         where sites, logs and results go (inside the project)
  --no-peer               build only this site (Starlight's sources are still written)
  --no-browser            skip the measurements in Chromium
  --ref <commit>          build this site from a commit's src/ instead of the working tree
  --record                also write the results into bench/RESULTS.md
  --from <results.json>   measure nothing: report an earlier run (with --record, into RESULTS.md)
  --settle 30             wait up to this many seconds for a quiet machine before each build
  --warm-runs 10          warm repetitions of each query
  --rebuild-sizes 100,1000  sizes at which each site, caches kept, rebuilds after one essay is edited
  --repeat 1              cold builds of each site at each N (the fastest is reported)
  --repeat-sizes 1,10     the sizes --repeat applies to (default: all)
`;

const { values: options } = parseArgs({
  options: {
    repeat: { type: 'string', default: '1' },
    'repeat-sizes': { type: 'string' },
    sizes: { type: 'string', default: '1,10,100,1000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    out: { type: 'string', default: path.join(root, 'bench/out') },
    'no-peer': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    ref: { type: 'string' },
    record: { type: 'boolean', default: false },
    settle: { type: 'string', default: '30' },
    'warm-runs': { type: 'string', default: '10' },
    'rebuild-sizes': { type: 'string', default: '100,1000' },
    from: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (options.from) {
  // Only the report, from an earlier run's results.json.
  const text = report(JSON.parse(readFileSync(options.from, 'utf8')) as Results);
  process.stdout.write(`${text}\n`);
  if (options.record) record(text);
  process.exit(0);
}

const sizes = options.sizes
  .split(',')
  .map((s) => Number(s.replace(/_/g, '')))
  .sort((a, b) => a - b);
const seed = Number(options.seed);
const settleSeconds = Number(options.settle);
const warmRuns = Number(options['warm-runs']);
const repeat = Number(options.repeat);
const repeatSizes = options['repeat-sizes']?.split(',').map(Number) ?? sizes;
const rebuildSizes = options['rebuild-sizes']!.split(',').map(Number);
const out = path.resolve(options.out);
const peerDir = path.join(out, 'peer');
const withPeer = !options['no-peer'];
const withBrowser = !options['no-browser'];

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}

function say(message: string) {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

if (sizes.some((n) => !Number.isInteger(n) || n < 1))
  fail(`--sizes takes whole numbers above 0, such as 1,10,100 (got "${options.sizes}")`);
if (!Number.isInteger(seed)) fail(`--seed takes a whole number (got "${options.seed}")`);
if (!Number.isInteger(repeat) || repeat < 1) fail(`--repeat takes a whole number above 0 (got "${options.repeat}")`);
if (!(settleSeconds >= 0)) fail(`--settle takes a number of seconds (got "${options.settle}")`);
if (!Number.isInteger(warmRuns) || warmRuns < 1) fail(`--warm-runs takes a whole number above 0 (got "${options['warm-runs']}")`);
if (!out.startsWith(root)) fail(`--out must lie inside ${root}, so that the built sites find the project's node_modules`);
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  fail(`Node ${process.version} cannot run TypeScript; run this through npm (npm run bench), which uses the project's Node 24.`);
}
if (!existsSync('/proc/self/status')) fail('measuring memory needs Linux’s /proc.');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (withBrowser && !existsSync(chromiumPath)) {
  fail(`no Chromium at ${chromiumPath}: install Debian's (apt-get install chromium), set CHROMIUM_PATH, or pass --no-browser.`);
}

/** Where this site's src/, public/ and config come from: the working tree, or a commit's snapshot. */
function ourSources(): { from: string; commit: string; modified: boolean } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const siteFiles = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
  if (!options.ref) {
    return { from: root, commit: git('rev-parse', '--short', 'HEAD'), modified: git('status', '--porcelain', '--', ...siteFiles) !== '' };
  }
  const commit = git('rev-parse', '--short', `${options.ref}^{commit}`);
  const from = path.join(out, `snapshot-${commit}`);
  rmSync(from, { recursive: true, force: true });
  mkdirSync(from, { recursive: true });
  execFileSync('bash', ['-c', `git archive --format=tar "$0" -- ${siteFiles.join(' ')} | tar -x -C "$1"`, commit, from], { cwd: root });
  return { from, commit, modified: false };
}

function version(dir: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/** The fixed queries: common words of the source, and one rare name of essay 1's own. */
function queriesFor(first: Essay): string[] {
  const text = JSON.stringify([first.intro, first.sections]);
  const counts = first.invented.names.map((name) => ({ name, count: text.split(name).length - 1 }));
  const rare = counts.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))[0]!.name;
  return [...COMMON_QUERIES, rare];
}

mkdirSync(path.join(out, 'logs'), { recursive: true });
const dependencies = withPeer
  ? installBenchPackage('peer', peerDir)
  : (JSON.parse(readFileSync(path.join(root, 'bench/peer/package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
const source = ourSources();
say(`generating ${Math.max(...sizes)} essays (seed ${seed})…`);
const corpus = generateCorpus(Math.max(...sizes), seed);
const essayPath = `/essays/${corpus[0]!.slug}/`;
const queries = queriesFor(corpus[0]!);
const browser = withBrowser ? await launchChromium() : undefined;

const results: Results = {
  date: new Date().toISOString(),
  seed,
  sizes,
  machine: machine(),
  versions: {
    astro: version(root, 'astro'),
    pagefind: version(root, 'pagefind'),
    ...(withPeer
      ? {
          '@astrojs/starlight': version(peerDir, '@astrojs/starlight'),
          'astro (Starlight’s)': version(peerDir, 'astro'),
          'pagefind (Starlight’s)': version(peerDir, 'pagefind'),
        }
      : {}),
    ...(browser ? { Chromium: browser.version() } : {}),
  },
  source: { commit: source.commit, modified: source.modified, ...(options.ref ? { ref: options.ref } : {}) },
  essayPath,
  queries,
  runs: [],
};
const save = () => {
  writeFileSync(path.join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(out, 'report.md'), `${report(results)}\n`);
};

try {
  for (const n of sizes) {
    const essays = corpus.slice(0, n);
    const sites = [
      {
        site: 'ours' as const,
        dir: path.join(out, `ours-${n}`),
        astro: path.join(root, 'node_modules/astro/bin/astro.mjs'),
        ui: OUR_SEARCH,
      },
      {
        site: 'starlight' as const,
        dir: path.join(peerDir, `starlight-${n}`),
        astro: path.join(peerDir, 'node_modules/astro/bin/astro.mjs'),
        ui: STARLIGHT_SEARCH,
      },
    ];
    // Starlight's copy of the corpus is written even when it is not built, to look at.
    if (!withPeer) writeStarlightSite(sites[1]!.dir, essays, dependencies);
    const repeats = repeatSizes.includes(n) ? repeat : 1;
    const builds = new Map<string, BuildRecord[]>();
    for (let round = 1; round <= repeats; round++) {
      for (const { site, dir, astro } of sites) {
        if (site === 'starlight' && !withPeer) continue;
        // A fresh folder each time: no dist/, no .astro/, no content cache.
        if (site === 'ours') writeOurSite(dir, source.from, essays);
        else writeStarlightSite(dir, essays, dependencies);
        const waited = await settle(settleSeconds);
        const which = repeats > 1 ? `, ${round} of ${repeats}` : '';
        say(
          `N = ${n}: building ${site} (cold${which}${waited > 1500 ? `, after waiting ${(waited / 1000).toFixed(0)} s for a quiet machine` : ''})…`,
        );
        const log = path.join(out, 'logs', `${site}-${n}${repeats > 1 ? `-${round}` : ''}.log`);
        const build = await measureBuild(process.execPath, [astro, 'build', '--root', dir], { cwd: dir, log });
        builds.set(site, [...(builds.get(site) ?? []), build]);
        if (build.exitCode !== 0) {
          say(
            `N = ${n}: ${site} failed to build (exit ${build.exitCode}); its log: ${log}\n${readFileSync(log, 'utf8').split('\n').slice(-25).join('\n')}`,
          );
          continue;
        }
        say(
          `N = ${n}: ${site} built in ${(build.wallMs / 1000).toFixed(1)} s (CPU ${(build.cpuMs / 1000).toFixed(1)} s, ` +
            `peak ${(build.peakTreeRssBytes / 1024 / 1024).toFixed(0)} MB); other processes used ${(build.otherCpuMs / 1000).toFixed(1)} s of CPU meanwhile`,
        );
      }
    }
    for (const { site, dir, ui } of sites) {
      const all = builds.get(site);
      if (!all) continue;
      // The fastest of the cold builds: the one least disturbed by the rest of the machine.
      const passed = all.filter((b) => b.exitCode === 0);
      const build = passed.length > 0 ? passed.reduce((a, b) => (b.wallMs < a.wallMs ? b : a)) : all.at(-1)!;
      const run: SiteRun = { site, n, build, ...(all.length > 1 ? { builds: all } : {}) };
      results.runs.push(run);
      if (build.exitCode !== 0 || all.at(-1)!.exitCode !== 0) {
        save();
        continue;
      }
      run.output = measureOutput(path.join(dir, 'dist'));
      if (browser) {
        await settle(settleSeconds);
        run.browser = await measureInBrowser(browser, path.join(dir, 'dist'), { essayPath, ui, queries, warmRuns });
        for (const error of run.browser.errors) say(`N = ${n}: ${site}: ${error}`);
      }
      if (rebuildSizes.includes(n)) {
        // What an author lives with: one essay edited, the site built again with its caches kept.
        editOneEssay(site, dir, essays[Math.floor(essays.length / 2)]!);
        await settle(settleSeconds);
        say(`N = ${n}: rebuilding ${site} after editing one essay (caches kept)…`);
        run.rebuild = await measureBuild(
          process.execPath,
          [path.join(site === 'ours' ? root : peerDir, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', dir],
          {
            cwd: dir,
            log: path.join(out, 'logs', `${site}-${n}-rebuild.log`),
          },
        );
        say(`N = ${n}: ${site} rebuilt in ${(run.rebuild.wallMs / 1000).toFixed(1)} s (CPU ${(run.rebuild.cpuMs / 1000).toFixed(1)} s)`);
      }
      save();
    }
  }
} finally {
  await browser?.close();
}

save();
const text = report(results);
process.stdout.write(`\n${text}\n\nResults: ${path.join(out, 'results.json')}, ${path.join(out, 'report.md')}\n`);
if (options.record) record(text);
if (results.runs.some((r) => r.build.exitCode !== 0)) process.exitCode = 1;

/** Adds a sentence to the end of one essay, in either site's copy of the corpus. */
function editOneEssay(site: 'ours' | 'starlight', dir: string, essay: Essay): void {
  const file =
    site === 'ours'
      ? path.join(dir, 'content/essays', essay.slug, 'index.md')
      : path.join(dir, 'src/content/docs/essays', `${essay.slug}.md`);
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nAn author came back to this essay and added a closing sentence.\n`);
}

/** Writes the report into bench/RESULTS.md, between its markers. */
function record(text: string) {
  const file = path.join(root, 'bench/RESULTS.md');
  const [start, end] = ['<!-- bench:start -->', '<!-- bench:end -->'];
  const old = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmark results\n\n${start}\n${end}\n`;
  if (!old.includes(start) || !old.includes(end)) fail(`${file} lacks the ${start} … ${end} markers to write between.`);
  writeFileSync(file, `${old.slice(0, old.indexOf(start) + start.length)}\n${text}\n${old.slice(old.indexOf(end))}`);
  say(`recorded in ${file}`);
}
