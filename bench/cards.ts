/**
 * `node bench/cards.ts [N] [--seed 1917]`: what one link-preview card costs
 * to draw, in this process, with no card cache: N section cards of the
 * benchmark corpus (default 500), 50 of its essays' cards, and the October
 * Revolution essay's. Prints each kind's wall time per card (min, median,
 * max, mean) and CPU time per card (user + system over the run, so it counts
 * the garbage collector's threads too), and the one-time setup apart: the
 * first card, which loads the fonts, starts HarfBuzz and lays out the foot.
 * See bench/README.md.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CardText, drawCard, forgetEssays } from '../src/build/cards/draw.ts';
import { layoutCounts } from '../src/build/cards/layout.ts';
import { SITE } from '../src/lib/site.ts';
import { DEFAULT_SEED, generateCorpus } from './lib/corpus.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: 'string', default: String(DEFAULT_SEED) }, help: { type: 'boolean', default: false } },
});
if (values.help) {
  process.stdout.write('Usage: node bench/cards.ts [N section cards, default 500] [--seed 1917]\n');
  process.exit(0);
}
const wanted = Number(positionals[0] ?? 500);
const FOOTER = 'Essays · essays.example.org';

/** The October Revolution essay's cards, as tests/fixtures/cards/ holds them: its own and its seven sections'. */
const october = (
  JSON.parse(readFileSync(new URL('../tests/fixtures/cards/cards.json', import.meta.url), 'utf8')) as { file: string; card: CardText }[]
)
  .filter(({ file }) => file.startsWith('october-revolution'))
  .map(({ card }) => card);

/**
 * Section cards of the corpus, essay after essay (each essay's "Bibliography"
 * too, as the site has), and the first 50 essays' own cards. The corpus is
 * the same for any N up to 500, so that two runs differ only in their cards.
 */
const sections: CardText[] = [];
const essays: CardText[] = [];
for (let n = Math.max(100, Math.ceil(wanted / 4)); sections.length < Math.max(wanted, 500); n *= 2) {
  sections.length = 0;
  essays.length = 0;
  for (const essay of generateCorpus(n, Number(values.seed))) {
    essays.push({ title: essay.title, footer: FOOTER, lang: essay.lang });
    for (const title of [...essay.sections.map((section) => section.heading), 'Bibliography']) {
      sections.push({ title, context: essay.title, footer: FOOTER, lang: essay.lang });
    }
  }
}
sections.length = wanted;
essays.length = 50;

interface Figures {
  label: string;
  times: number[];
  cpu: number;
}

/** Draws the cards `repeat` times, each time as a build would (an essay's context drawn with its first section). */
async function measure(label: string, cards: CardText[], repeat = 1): Promise<Figures> {
  const times: number[] = [];
  const before = process.cpuUsage();
  for (let round = 0; round < repeat; round++) {
    forgetEssays();
    for (const card of cards) {
      const start = performance.now();
      await drawCard(card);
      times.push(performance.now() - start);
    }
  }
  const { user, system } = process.cpuUsage(before);
  return { label, times, cpu: (user + system) / 1000 };
}

const setupStart = performance.now();
const setupCpu = process.cpuUsage();
await drawCard({ title: SITE.description, footer: FOOTER, lang: SITE.lang });
const setup = { wall: performance.now() - setupStart, cpu: process.cpuUsage(setupCpu) };

const results = [
  await measure('October Revolution essay, first after setup', october),
  await measure(`corpus section cards`, sections),
  await measure('corpus essay cards', essays),
  await measure('October Revolution essay, 20 times after those', october, 20),
];

const ms = (value: number) => value.toFixed(2).padStart(7);
const lines = [
  `One-time setup (fonts, HarfBuzz, the foot laid out by satori): ${setup.wall.toFixed(0)} ms wall, ${((setup.cpu.user + setup.cpu.system) / 1000).toFixed(0)} ms CPU`,
  '',
  '| cards | n | wall min | median | max | mean | CPU per card |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map(({ label, times, cpu }) => {
    const sorted = times.toSorted((a, b) => a - b);
    const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
    return `| ${label} | ${times.length} | ${ms(sorted[0]!)} | ${ms(sorted[sorted.length >> 1]!)} | ${ms(sorted.at(-1)!)} | ${ms(mean)} | ${ms(cpu / times.length)} |`;
  }),
  '',
  `Times in ms. Blocks of text laid out by the card layout: ${layoutCounts.own}; left to satori: ${layoutCounts.satori}.`,
];
process.stdout.write(`${lines.join('\n')}\n`);
