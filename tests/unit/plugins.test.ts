import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIntended } from '../../src/plugins/rehype-normalise-spaces.ts';
import { underBase } from '../../src/plugins/rehype-site-paths.ts';
import { renderEssayFile } from '../support/markdown.ts';
import { fixtures } from '../support/paths.ts';

/**
 * Each folder of tests/fixtures/markdown is a case: `input.md` (most share
 * the bibliography beside the folders, ../references.bib) and either
 * `output.html`, the expected rendering, or `error.txt`, the expected
 * problems, one per line; and `warnings.txt`, the expected warnings (the
 * build goes on), when the rendering gives any. The first line of `input.md` after its frontmatter,
 * `<!-- … -->`, names the case.
 *
 * `UPDATE=1` rewrites each case's expectation of the kind it has (a rendering
 * stays a rendering, an error an error); a case that starts to fail, or
 * stops failing, is reported, and only `UPDATE=kind` lets its expectation
 * change kind. Review the diff before committing it.
 */
const dir = path.join(fixtures, 'markdown');
const update = process.env.UPDATE;

/** A problem or list of problems, as the loader reports them: one line each. */
function problemsOf(error: unknown): string {
  return (error as Error).message;
}

describe('the Markdown pipeline', () => {
  for (const name of readdirSync(dir).sort()) {
    if (!statSync(path.join(dir, name)).isDirectory()) continue;
    const input = path.join(dir, name, 'input.md');
    const outputFile = path.join(dir, name, 'output.html');
    const errorFile = path.join(dir, name, 'error.txt');
    const warningsFile = path.join(dir, name, 'warnings.txt');
    const title = readFileSync(input, 'utf8').match(/^<!-- (.+) -->$/m)?.[1] ?? name;

    it(title, async () => {
      let output: string | undefined;
      let error: string | undefined;
      let warnings = '';
      try {
        const rendered = await renderEssayFile(path.relative(process.cwd(), input));
        output = rendered.html;
        warnings = rendered.warnings.map((w) => w.message).join('\n');
      } catch (e) {
        error = problemsOf(e);
      }
      const expectsError = existsSync(errorFile);
      if (update && (update === 'kind' || expectsError === (error !== undefined) || !(existsSync(errorFile) || existsSync(outputFile)))) {
        rmSync(error === undefined ? errorFile : outputFile, { force: true });
        writeFileSync(error === undefined ? outputFile : errorFile, `${error ?? output}\n`);
        if (warnings) writeFileSync(warningsFile, `${warnings}\n`);
        else rmSync(warningsFile, { force: true });
        return;
      }
      if (expectsError) {
        expect(output, 'expected the render to fail (UPDATE=kind accepts a change of kind)').toBeUndefined();
        expect(error).toBe(readFileSync(errorFile, 'utf8').trimEnd());
      } else {
        expect(error, 'expected the render to succeed (UPDATE=kind accepts a change of kind)').toBeUndefined();
        expect(output).toBe(readFileSync(outputFile, 'utf8').trimEnd());
        expect(warnings, 'warnings (UPDATE=1 rewrites warnings.txt)').toBe(
          existsSync(warningsFile) ? readFileSync(warningsFile, 'utf8').trimEnd() : '',
        );
      }
    });
  }
});

describe('a section’s opening', () => {
  it('leaves out the comma between two note numbers, as it leaves out the numbers', async () => {
    const { metadata } = await renderEssayFile(path.join(dir, 'notes-side-by-side', 'input.md'));
    expect(metadata.essay.sections[0]?.opening).toBe('A claim. Another and a last one.');
  });
});

describe('the no-break-space rule', () => {
  const NBSP = '\u00a0';
  it('keeps a no-break space after a one-letter word in Czech, Slovak and Polish only', () => {
    expect(isIntended('Byl jsem v', 'Praze', 'cs')).toBe(true);
    expect(isIntended('jsem a', 'v Brně', 'pl-PL')).toBe(true);
    expect(isIntended('such a', 'coup', 'en-GB')).toBe(false);
  });

  it('keeps a run of them, and one at the edge of the text', () => {
    expect(isIntended(`a${NBSP}`, 'b', 'en')).toBe(true);
    expect(isIntended('', 'b', 'en')).toBe(true);
  });
});

describe('paths from the site’s root under a base', () => {
  it('puts a path from the root under the base, and leaves every other address as it is', () => {
    expect(underBase('/images/map.png', '/essays-site/')).toBe('/essays-site/images/map.png');
    expect(underBase('/essays/x/#a', '/essays-site/')).toBe('/essays-site/essays/x/#a');
    // A path from the root that starts as the base does is still from the root: under `/essays/`, an essay's page.
    expect(underBase('/essays/x/#a', '/essays/')).toBe('/essays/essays/x/#a');
    expect(underBase('/images/map.png', '/essays/')).toBe('/essays/images/map.png');
    for (const href of ['../other/', '#a', '//cdn.example/x.png', 'https://example.org/', 'mailto:a@b.org', 'map.png']) {
      expect(underBase(href, '/essays-site/')).toBe(href);
    }
    expect(underBase('/images/map.png', '/')).toBe('/images/map.png');
  });
});
