import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { headersUnderBase } from '../../src/integrations/essays.ts';
import { root } from '../support/paths.ts';

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

describe('the GitHub Pages workflow', () => {
  const workflow = parse(readFileSync(`${root}.github/workflows/pages.yml`, 'utf8')) as {
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[]; needs?: string }>;
  };
  const steps = workflow.jobs.build!.steps;

  it('builds with the address and sub-path GitHub Pages gives, from the whole history, and publishes dist/', () => {
    const pages = steps.find((s) => s.uses?.startsWith('actions/configure-pages@'));
    expect(pages?.id).toBe('pages');
    const build = steps.find((s) => s.run === 'npm run build');
    expect(build?.env).toEqual({ SITE_URL: '${{ steps.pages.outputs.origin }}', BASE_PATH: '${{ steps.pages.outputs.base_path }}' });
    expect(steps.indexOf(pages!)).toBeLessThan(steps.indexOf(build!));
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toEqual({ 'fetch-depth': 0 });
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({ path: 'dist' });
    expect(workflow.jobs.deploy?.needs).toBe('build');
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  it('keeps the build’s caches from one run to the next, restored after npm ci empties node_modules/', () => {
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'));
    expect(String(cache?.with?.['path']).split('\n').filter(Boolean).sort()).toEqual(['node_modules/.astro', 'node_modules/.cache']);
    expect(cache?.with?.['restore-keys'], 'a new commit starts from the last one’s caches').toBeTruthy();
    const at = (run: string) => steps.findIndex((s) => s.run === run);
    expect(steps.indexOf(cache!)).toBeGreaterThan(at('npm ci'));
    expect(steps.indexOf(cache!)).toBeLessThan(at('npm run build'));
  });
});

describe('public/_headers under a base', () => {
  it('puts each rule’s path under the base and leaves the headers alone', () => {
    const headers = readFileSync(`${root}public/_headers`, 'utf8');
    const moved = headersUnderBase(headers, '/essays-site/');
    expect(moved.split('\n').filter((l) => l.startsWith('/'))).toEqual([
      '/essays-site/*',
      '/essays-site/pagefind/*.pagefind',
      '/essays-site/_astro/*',
    ]);
    expect(moved.split('\n').filter((l) => !l.startsWith('/'))).toEqual(headers.split('\n').filter((l) => !l.startsWith('/')));
  });
});
