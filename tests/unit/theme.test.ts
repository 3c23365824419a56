import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIGHT } from '../../src/lib/theme.ts';

/** The light half of each `--name: light-dark(light, dark)` declaration in the stylesheet's `:root`. */
function lightProperties(css: string): Record<string, string> {
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  return Object.fromEntries(
    [...root.matchAll(/--([\w-]+):\s*light-dark\(\s*([^,\s]+)\s*,/g)].map(([, name, light]) => [name!, light!.toLowerCase()]),
  );
}

describe('theme colours', () => {
  it('are the light-theme custom properties of global.css, one for one', () => {
    const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
    expect(lightProperties(css)).toEqual(LIGHT);
  });
});
