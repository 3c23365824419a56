import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { makeFixtureSite } from '../support/fixture-site.ts';
import { fixtures, root } from '../support/paths.ts';

const essay = (name: string) => path.join(fixtures, 'sites', name);

/**
 * A build reads each input once: every essay's index.md and .bib (even the
 * .bib two essays share), and each CSL style and locale, counted by a preload
 * that logs every file read through node:fs (tests/support/count-reads.mjs).
 */
describe('a build', () => {
  it('reads each index.md, each .bib and each CSL file once', () => {
    const site = makeFixtureSite('reads', { good: essay('good'), other: essay('unknown-key'), cyrillic: essay('cyrillic') });
    // The second essay shares the first one's .bib from content/, and cites a key it has.
    const shared = path.join(site, 'content/essays/other/index.md');
    const text = readFileSync(shared, 'utf8')
      .replace('bibliography: references.bib', 'bibliography: ../good/references.bib')
      .replace('@figes1969', '@figes1996');
    rmSync(path.join(site, 'content/essays/other/references.bib'));
    writeFileSync(shared, text);
    const log = path.join(site, 'reads.log');
    const { status, output } = buildSite(site, {
      NODE_OPTIONS: `--import ${path.join(root, 'tests/support/count-reads.mjs')}`,
      COUNT_READS_LOG: log,
    });
    expect(status, output).toBe(0);
    const reads = new Map<string, number>();
    for (const line of readFileSync(log, 'utf8').split('\n')) {
      const file = path.resolve(line);
      if (file.startsWith(path.join(site, 'content')) || file.includes('/src/csl/')) reads.set(file, (reads.get(file) ?? 0) + 1);
    }
    const counted = Object.fromEntries([...reads].map(([file, n]) => [path.relative(root, file), n]));
    expect(counted).toEqual({
      'tests/.tmp/reads/content/essays/good/index.md': 1,
      'tests/.tmp/reads/content/essays/good/references.bib': 1,
      'tests/.tmp/reads/content/essays/other/index.md': 1,
      'tests/.tmp/reads/content/essays/cyrillic/index.md': 1,
      'src/csl/styles/chicago-author-date.csl': 1,
      'src/csl/locales/locales-en-GB.xml': 1,
      'src/csl/locales/locales-en-US.xml': 1,
      'src/csl/locales/locales-ru-RU.xml': 1,
      'src/csl/locales/locales.json': 1,
    });
  });
});
