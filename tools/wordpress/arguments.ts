import type { ImportOptions } from './import.ts';

/** The command line of `npm run import`, read into {@link ImportOptions}. */

export const USAGE = `Usage: npm run import -- <export.xml> [options]

Brings the published posts and pages of a WordPress export (Tools → Export)
over as essays: content/essays/<slug>/index.md, with references.bib when the
post ends with a list of references, and comments.json for approved comments.

Options:
  --uploads <folder>  a copy of the site's wp-content/uploads, to copy images from
  --only <slug>…      import only these posts (slugs as in the report)
  --dry-run           write nothing; report what would be written
  --force             overwrite essays that are already there
  --out <folder>      where essays go (default: content/essays)
  --help              show this`;

export class UsageError extends Error {}

export function parseArguments(argv: string[]): ImportOptions | 'help' {
  const options: Partial<ImportOptions> & { only?: string[] } = {};
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s, 2) as [string, string | undefined]) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--help':
      case '-h':
        return 'help';
      case '--uploads':
        options.uploads = value();
        break;
      case '--out':
        options.out = value();
        break;
      case '--dry-run':
        options.dryRun = true;
        break;
      case '--force':
        options.force = true;
        break;
      case '--only': {
        // --only a b c, --only a,b, --only=a
        const slugs = inline !== undefined ? [inline] : [];
        while (inline === undefined && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) slugs.push(argv[++i]!);
        if (slugs.length === 0) throw new UsageError('--only needs at least one slug');
        options.only = [...(options.only ?? []), ...slugs.flatMap((s) => s.split(',')).filter(Boolean)];
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        files.push(arg);
    }
  }
  if (files.length !== 1)
    throw new UsageError(files.length === 0 ? 'name the export file' : `one export at a time (got ${files.join(', ')})`);
  return { ...options, file: files[0]! };
}
