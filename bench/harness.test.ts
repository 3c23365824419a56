import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { citedKeys, generateCorpus } from './lib/corpus.ts';
import type { Results } from './lib/report.ts';
import { root } from '../tests/support/paths.ts';

/**
 * The benchmark harness (bench/run.ts) at N = 10, without the Starlight peer
 * (whose install would need the network): it must build, measure and report.
 * No figure's value is asserted, only that each was produced.
 */

const out = path.join(root, 'bench/out/test');

describe('the benchmark corpus', () => {
  it('generates the same distinct essays from the same seed', () => {
    const [a, b] = [generateCorpus(10, 7), generateCorpus(10, 7)];
    expect(a).toEqual(b);
    expect(generateCorpus(3, 7)).toEqual(a.slice(0, 3));
    expect(new Set(a.map((e) => e.title)).size).toBe(10);
    expect(new Set(a.map((e) => e.slug)).size).toBe(10);
    expect(new Set(a.map((e) => e.invented.names[0])).size).toBe(10);
    for (const essay of a) {
      expect(essay.sections.length).toBeGreaterThanOrEqual(3);
      expect(essay.sections.length).toBeLessThanOrEqual(8);
      expect(essay.bibliography.length).toBeGreaterThanOrEqual(5);
      expect(essay.bibliography.length).toBeLessThanOrEqual(30);
      expect(citedKeys(essay).length).toBeGreaterThan(0);
    }
  });
});

describe('the benchmark harness', () => {
  it('builds 10 essays and records every figure for them', { timeout: 240_000 }, async () => {
    await promisify(execFile)(
      process.execPath,
      ['bench/run.ts', '--sizes', '10', '--no-peer', '--settle', '0', '--warm-runs', '3', '--out', out],
      {
        cwd: root,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const results = JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')) as Results;
    expect(results.sizes).toEqual([10]);
    expect(results.queries).toHaveLength(5);
    expect(results.runs.map((r) => `${r.site} ${r.n}`)).toEqual(['ours 10']);

    const [run] = results.runs;
    expect(run!.build).toMatchObject({ exitCode: 0 });
    for (const figure of ['wallMs', 'cpuMs', 'peakTreeRssBytes'] as const) expect(run!.build[figure]).toBeGreaterThan(0);
    expect(run!.output!.bytes).toBeGreaterThan(0);
    expect(run!.output!.pagefindIndexBytes).toBeGreaterThan(0);
    expect(readdirSync(path.join(out, 'ours-10/dist/essays'))).toHaveLength(10);

    const browser = run!.browser!;
    expect(browser.errors).toEqual([]);
    expect(browser.essayPage.bytes.html).toBeGreaterThan(0);
    expect(browser.search.map((q) => q.query)).toEqual(results.queries);
    for (const query of browser.search) {
      expect(query.results, query.query).toBeGreaterThan(0);
      expect(query.uiBytes.total).toBeGreaterThan(0);
      expect(query.apiColdMs).toBeGreaterThan(0);
      expect(query.apiWarmRunsMs.length).toBeGreaterThan(0);
    }

    const report = readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(report).toContain('| 10 | build: wall time |');
    expect(report).toContain('| 10 | search: warm query, API (slowest) |');

    // Starlight's copy of the corpus is written even when it is not built.
    const docs = path.join(out, 'peer/starlight-10/src/content/docs/essays');
    expect(readdirSync(docs)).toHaveLength(10);
    const page = readFileSync(path.join(docs, readdirSync(docs)[0]!), 'utf8');
    expect(page).toContain('## Bibliography');
    expect(page).not.toMatch(/\[-?@/);
  });
});
