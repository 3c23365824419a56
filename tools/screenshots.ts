/**
 * Screenshots of the built essay for people (docs/design.md), not for tests:
 * `node tools/screenshots.ts <label>` writes docs/screenshots/<label>-<width>-<theme>.png
 * of the first screen of the essay at 1280 and 390 px, light and dark.
 * Run `npm run build` first; `--full` takes whole pages to /tmp instead.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { serve } from '../tests/support/server.ts';
import { launchChromium } from './chromium.ts';

const label = process.argv.slice(2).find((a) => !a.startsWith('/') && !a.startsWith('--')) ?? 'after';
const full = process.argv.includes('--full');
const out = full ? '/tmp/screens' : path.resolve('docs/screenshots');
mkdirSync(out, { recursive: true });
const pagePath = process.argv.slice(2).find((a) => a.startsWith('/')) ?? '/essays/october-revolution/';

const server = await serve(path.resolve('dist'));
const browser = await launchChromium();
try {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: theme, deviceScaleFactor: width < 500 ? 2 : 1 });
      const page = await context.newPage();
      await page.goto(server.url + pagePath, { waitUntil: 'networkidle' });
      const file = path.join(out, `${label}-${width}-${theme}.png`);
      await page.screenshot({ path: file, fullPage: full });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
