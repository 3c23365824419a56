// node tools/site-diff.ts <before/dist> <after/dist>: what changed between two
// builds of the site, for reviewing a change that should not change what is
// published (or only in the ways it means to). Lists the files only one build
// has and, for the files both have, the first lines that differ. Built asset
// names carry a content hash (`_astro/x.AbC123.js`), so they are compared by
// name without the hash, and references to them in pages are normalised.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node tools/site-diff.ts <before/dist> <after/dist>');
  process.exit(2);
}

/** `_astro/x.AbC123.js` → `_astro/x.js`: the name without its content hash. */
const unhashed = (name: string) => name.replace(/\.[A-Za-z0-9_-]{8}(\.[a-z0-9]+)$/, '$1');

function files(dir: string): Map<string, string> {
  const found = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.includes('/pagefind'));
  return new Map(
    found.map((e) => {
      const file = path.relative(dir, path.join(e.parentPath, e.name));
      return [file.startsWith('_astro/') ? unhashed(file) : file, path.join(dir, file)];
    }),
  );
}

function text(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/_astro\/[^"' )]+/g, (ref) => unhashed(ref))
    .replace(/'sha256-[^']+'/g, "'sha256-…'");
}

const [a, b] = [files(before), files(after)];
const only = (x: Map<string, string>, y: Map<string, string>) => [...x.keys()].filter((k) => !y.has(k)).sort();
let differences = 0;
for (const [label, list] of [
  ['only before:', only(a, b)],
  ['only after: ', only(b, a)],
] as const) {
  for (const file of list) console.log(`${label} ${file}`);
  differences += list.length;
}
for (const [file, from] of [...a].sort()) {
  const to = b.get(file);
  if (!to) continue;
  const binary = /\.(png|jpe?g|gif|webp|woff2?|ico)$/.test(file);
  if (binary ? readFileSync(from).equals(readFileSync(to)) : text(from) === text(to)) continue;
  differences++;
  if (binary) {
    console.log(`changed:     ${file} (binary)`);
    continue;
  }
  // Pages are one line long: compare them tag by tag, as the lines only one of them has.
  const lines = (t: string) => t.replace(/>\s*</g, '>\n<').split('\n');
  const [x, y] = [lines(text(from)), lines(text(to))];
  const [inX, inY] = [new Set(x), new Set(y)];
  const gone = x.filter((l) => !inY.has(l));
  const come = y.filter((l) => !inX.has(l));
  console.log(`changed:     ${file} (${gone.length} lines gone, ${come.length} new)`);
  for (const l of gone.slice(0, 4)) console.log(`    - ${l.slice(0, 160)}`);
  for (const l of come.slice(0, 4)) console.log(`    + ${l.slice(0, 160)}`);
}
console.log(differences === 0 ? 'no differences' : `${differences} difference${differences === 1 ? '' : 's'}`);
