import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { dist } from '../support/paths.ts';

// .htmlvalidate.json: html-validate's recommended rules, except `long-title`:
// titles are the author's words, and a share page's is "Section — Essay".
const validator = new HtmlValidate(new FileSystemConfigLoader());
const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
  .sort();

describe('every built page is valid HTML', () => {
  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
  });

  it.each(pages)('%s', async (page) => {
    const report = await validator.validateFile(path.join(dist, page));
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });
});
