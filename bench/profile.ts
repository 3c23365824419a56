/**
 * `node bench/profile.ts [N] [--no-build]`: where this site's build spends its
 * time over the benchmark corpus of N essays (default 1,000).
 *
 * 1. The Markdown pipeline alone, as the content loader runs it (the same
 *    processor as tests/support/markdown.ts), each plugin timed: a CPU profile
 *    cannot attribute this work, since it runs after `await`s.
 * 2. A cold `astro build` under V8's CPU profiler: Astro's phases (from its
 *    log), time inside each package and each bundled page module (callees
 *    included), and functions by self time. The profile is kept for DevTools.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './lib/corpus.ts';
import { writeOurSite } from './lib/sites.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: path.join(root, 'bench/out') }, 'no-build': { type: 'boolean', default: false } },
});
const n = Number(positionals[0] ?? 1000);
const out = path.resolve(values.out);
const site = path.join(out, `profile-${n}`);
const profiles = path.join(out, `profile-${n}.cpuprofile.d`);

writeOurSite(site, root, generateCorpus(n));
const pipeline = await profilePipeline(path.join(site, 'content/essays'));
process.stdout.write(pipeline);
if (values['no-build']) process.exit(0);

/**
 * Renders every essay as the content loader does (src/loader/render.ts, as
 * tests/support/markdown.ts calls it), through the site's pipeline with each
 * plugin's transformer timed, and reading the essay's files apart; "the rest"
 * is parsing the .bib and the Markdown, remark-rehype and serialising.
 */
async function profilePipeline(essays: string): Promise<string> {
  const { createMarkdownProcessor } = await import('@astrojs/markdown-remark');
  const { markdownPipeline } = await import('../src/plugins/index.ts');
  const { essayFolders } = await import('../src/loader/files.ts');
  const { readEssay, renderEssay } = await import('../src/loader/render.ts');
  const spent = new Map<string, number>();
  type Transformer = (tree: unknown, file: unknown) => unknown;
  const timed = (entry: unknown) => {
    const [plugin, ...options] = (Array.isArray(entry) ? entry : [entry]) as [(...args: unknown[]) => Transformer | void, ...unknown[]];
    const name = plugin.name || '(anonymous)';
    function wrapper(this: unknown, ...args: unknown[]) {
      const transformer = plugin.apply(this, args);
      if (!transformer) return undefined;
      return async (tree: unknown, file: unknown) => {
        const started = performance.now();
        try {
          return await transformer(tree, file);
        } finally {
          add(spent, name, performance.now() - started);
        }
      };
    }
    return options.length > 0 ? [wrapper, ...options] : wrapper;
  };
  const renderer = await createMarkdownProcessor({
    ...markdownPipeline,
    syntaxHighlight: false,
    remarkPlugins: markdownPipeline.remarkPlugins.map(timed),
    rehypePlugins: markdownPipeline.rehypePlugins.map(timed),
  } as Parameters<typeof createMarkdownProcessor>[0]);
  const content = path.dirname(essays);
  const folders = readdirSync(essays);
  let total = 0;
  for (const slug of folders) {
    const dir = path.join(essays, slug);
    const started = performance.now();
    const read = await readEssay({
      id: slug,
      file: path.join(dir, 'index.md'),
      folders: essayFolders(dir, content, path.join(path.dirname(content), 'public')),
      path: `/essays/${slug}/`,
      url: `https://essays.example.org/essays/${slug}/`,
    });
    add(spent, '(reading index.md and the .bib, checking the frontmatter)', performance.now() - started);
    await renderEssay(renderer, read);
    total += performance.now() - started;
  }
  spent.set(
    '(parsing the .bib and the Markdown, remark-rehype, serialising: the rest)',
    total - [...spent.values()].reduce((a, b) => a + b, 0),
  );
  const rows = [...spent]
    .sort((a, b) => b[1] - a[1])
    .map(
      ([name, ms]) =>
        `  ${(ms / 1000).toFixed(2).padStart(7)} s  ${(ms / folders.length).toFixed(1).padStart(6)} ms/essay  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`,
    );
  return `The Markdown pipeline over ${folders.length} essays, one after another: ${(total / 1000).toFixed(1)} s (${(total / folders.length).toFixed(1)} ms an essay).\n${rows.join('\n')}\n\n`;
}

rmSync(profiles, { recursive: true, force: true });
mkdirSync(profiles, { recursive: true });
process.stdout.write(`Building ${n} essays under the profiler (${site})…\n`);
const build = spawnSync(
  process.execPath,
  [
    '--cpu-prof',
    '--cpu-prof-dir',
    profiles,
    '--cpu-prof-interval',
    '1000',
    path.join(root, 'node_modules/astro/bin/astro.mjs'),
    'build',
    '--root',
    site,
  ],
  { cwd: site, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 },
);
const log = `${build.stdout}\n${build.stderr}`;
writeFileSync(path.join(out, `profile-${n}.log`), log);
if (build.status !== 0) {
  process.stderr.write(`${log.split('\n').slice(-30).join('\n')}\nThe build failed (exit ${build.status}).\n`);
  process.exit(1);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const self = new Map<string, number>();
const inclusiveFile = new Map<string, number>();
const inclusivePackage = new Map<string, number>();
let total = 0;

function where(url: string): { file?: string; pkg?: string } {
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const modules = file.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const [first = '', second = ''] = file.slice(modules + 14).split('/');
    return { pkg: first.startsWith('@') ? `${first}/${second}` : first };
  }
  if (file.startsWith(path.join(root, 'src'))) return { file: path.relative(root, file) };
  // Astro bundles the pages into dist/.prerender: keep the chunk's name.
  if (file.includes('/.prerender/')) return { file: `(built) ${path.basename(file).replace(/[_.][\w-]{8}\.mjs$/, '')}` };
  return {};
}

function add(map: Map<string, number>, key: string, ms: number) {
  map.set(key, (map.get(key) ?? 0) + ms);
}

// The main thread's profile and any worker's: all are the build's time.
for (const name of readdirSync(profiles)) {
  const profile = JSON.parse(readFileSync(path.join(profiles, name), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    const leaf = byId.get(id)!.callFrame;
    add(
      self,
      `${leaf.functionName || '(anonymous)'} ${leaf.url ? `${where(leaf.url).file ?? where(leaf.url).pkg ?? path.basename(leaf.url)}:${leaf.lineNumber + 1}` : ''}`.trim(),
      ms,
    );
    const files = new Set<string>();
    const packages = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const { file, pkg } = where(byId.get(node)!.callFrame.url);
      if (file) files.add(file);
      if (pkg) packages.add(pkg);
    }
    for (const file of files) add(inclusiveFile, file, ms);
    for (const pkg of packages) add(inclusivePackage, pkg, ms);
  });
}

const top = (map: Map<string, number>, count: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `  ${(ms / 1000).toFixed(1).padStart(7)} s  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`)
    .join('\n');

const phases = log
  .split('\n')
  .filter(
    (line) => /\[(content|types|build|vite|@astrojs\/sitemap|essay-publisher:[\w-]+)\]|Completed in/.test(line) && !/├─|└─/.test(line),
  )
  .join('\n');

const summary = `${pipeline}Profile of a cold build of ${n} essays: ${(total / 1000).toFixed(1)} s of JavaScript on the profiled threads.

Astro's log (phases):
${phases}

Time inside each file of src/ (callees included; a call through several files counts for each):
${top(inclusiveFile, 25)}

Time inside each package (callees included):
${top(inclusivePackage, 25)}

Functions by self time:
${top(self, 40)}

Profiles for Chrome DevTools (Performance → Load profile): ${profiles}
`;
writeFileSync(path.join(out, `profile-${n}.txt`), summary);
process.stdout.write(summary);
