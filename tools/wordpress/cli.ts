import { parseArguments, USAGE, UsageError } from './arguments.ts';
import { ImportError, importWordpress, type ImportOptions } from './import.ts';
import { formatReport } from './report.ts';

/**
 * `npm run import -- <export.xml> [--uploads <folder>] [--only <slug>…]
 * [--dry-run] [--force] [--out content/essays]`: brings the published posts
 * and pages of a WordPress export over as essays, and prints a report.
 */

function main(argv: string[]): number {
  let options: ImportOptions | 'help';
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`import: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    process.stdout.write(formatReport(importWordpress(options)));
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    process.stderr.write(`import: ${error.message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
