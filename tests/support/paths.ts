import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
export const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
/** The shared acceptance checks, beside this repository (as in CI). */
export const siteCheck = fileURLToPath(new URL('../../../shared/checks/site-check', import.meta.url));
/** Node 24 from the `node` devDependency: Astro 7 needs it, whatever runs npm. */
export const astroBin = fileURLToPath(new URL('../../node_modules/.bin/astro', import.meta.url));

/** A test's name that says, when ../shared/ is not beside this clone, that the acceptance checks were skipped and why. */
export function siteCheckTitle(title: string): string {
  return existsSync(siteCheck) ? title : `${title} (skipped: no ${siteCheck})`;
}
