import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorMessage } from '../../src/lib/essay-error.ts';
import { renderMarkdownFile } from '../support/markdown.ts';
import { fixtures } from '../support/paths.ts';

/**
 * Each folder of tests/fixtures/markdown is a case: `input.md` (with any .bib
 * beside it) and either `output.html`, the expected rendering, or `error.txt`,
 * the expected error message. `UPDATE=1 npm test` rewrites the expectations;
 * review the diff before committing it.
 */
const dir = path.join(fixtures, 'markdown');
const update = process.env.UPDATE === '1';

describe('the Markdown pipeline', () => {
  for (const name of readdirSync(dir).sort()) {
    const input = path.join(dir, name, 'input.md');
    const outputFile = path.join(dir, name, 'output.html');
    const errorFile = path.join(dir, name, 'error.txt');
    const title = readFileSync(input, 'utf8').match(/^<!-- (.+) -->$/m)?.[1] ?? name;

    it(title, async () => {
      let output: string | undefined;
      let error: string | undefined;
      try {
        output = await renderMarkdownFile(path.relative(process.cwd(), input));
      } catch (e) {
        error = authorMessage((e as Error).message);
      }
      if (update) {
        // A case either renders or fails: keep exactly one expectation file.
        rmSync(error === undefined ? errorFile : outputFile, { force: true });
        if (error === undefined) writeFileSync(outputFile, `${output}\n`);
        else writeFileSync(errorFile, `${error}\n`);
        return;
      }
      if (existsSync(errorFile)) {
        expect(output, 'expected the render to fail').toBeUndefined();
        expect(error).toBe(readFileSync(errorFile, 'utf8').trimEnd());
      } else {
        expect(error, 'expected the render to succeed').toBeUndefined();
        expect(output).toBe(readFileSync(outputFile, 'utf8').trimEnd());
      }
    });
  }
});
