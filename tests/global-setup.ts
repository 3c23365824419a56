import { buildSite } from './support/build.ts';
import { root } from './support/paths.ts';

/** Builds the site once for the build-output and browser tests. */
export default function setup() {
  if (process.env.SKIP_BUILD === '1') return;
  const { status, output } = buildSite(root);
  if (status !== 0) throw new Error(`astro build failed (exit ${status}):\n${output}`);
}
