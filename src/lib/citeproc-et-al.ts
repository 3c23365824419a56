/**
 * Makes citeproc-js print `and others` as the style's et-al term in every
 * style. Imported once by citeproc.ts, which formats every citation and entry
 * from `bibtex.ts`.
 *
 * `bibtex.ts` marks a list that ends in `and others` by giving its last name
 * the dropping particle "et al." ({@link ET_AL}), the one signal citeproc-js
 * reads for an explicit et al. (`CSL.NameOutput.prototype._droppingParticle`).
 * For styles with `et-al-use-last` (APA's bibliography) citeproc-js then joins
 * the names as a truncated list that shows its last author after an ellipsis:
 * "Doe, J. … Roe, R.", or with one name nothing at all. The last author is
 * unknown here, so this patch makes those styles close the list with et al.
 * as the others do. Everything else goes through citeproc-js unchanged.
 */
import CSL from 'citeproc';
import { ET_AL } from './bibtex.ts';

interface NameOutput {
  state: { inheritOpt(node: unknown, attribute: string): unknown };
  name: unknown;
  etal_spec: Record<number, { freeters: number; persons: number | number[] }>;
  _droppingParticle(name: Record<string, unknown>, pos: number, j?: number): unknown;
}

const proto = (CSL as { NameOutput?: { prototype: NameOutput } }).NameOutput?.prototype;
const original = proto?._droppingParticle;
if (proto === undefined || typeof original !== 'function') {
  throw new Error('citeproc-js no longer has NameOutput.prototype._droppingParticle; review src/lib/citeproc-et-al.ts.');
}
if (!(original as { etAlPatched?: boolean }).etAlPatched) {
  const patched = function (this: NameOutput, name: Record<string, unknown>, pos: number, j?: number): unknown {
    if (name['dropping-particle'] !== ET_AL || !this.state.inheritOpt(this.name, 'et-al-use-last')) {
      return original.call(this, name, pos, j);
    }
    // citeproc-js's own branch for this mark, with 1 (et al.) for 2 (ellipsis).
    if (j === undefined) this.etal_spec[pos]!.freeters = 1;
    else this.etal_spec[pos]!.persons = 1;
    name['comma-dropping-particle'] = '';
    return false;
  };
  proto._droppingParticle = Object.assign(patched, { etAlPatched: true });
}
