// Records Lighthouse's scores for the built site's main pages in
// bench/LIGHTHOUSE.md (performance is measured here, never asserted in tests).
// Usage: npm run build && npm run bench:lighthouse
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { toolsDir } from './lib/install.ts';
import { runLighthouse } from './lib/lighthouse.ts';

const pages = ['/', '/essays/october-revolution/', '/search/'];
const scores = await runLighthouse('dist/', pages);
const chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
const lighthouseVersion = JSON.parse(execFileSync('npm', ['ls', 'lighthouse', '--json'], { cwd: toolsDir, encoding: 'utf8' })).dependencies
  .lighthouse.version;
const rows = scores.map((s) => `| ${s.page} | ${s.performance} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} |`);
writeFileSync(
  new URL('LIGHTHOUSE.md', import.meta.url),
  `# Lighthouse

Mobile preset (Lighthouse's default: emulated mid-range phone, throttled network
and CPU), the built site served on loopback without compression.

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB
- ${chromium}; Lighthouse ${lighthouseVersion}; Node ${process.version}

| page | performance | accessibility | best practices | SEO |
| --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Accessibility, best practices and SEO are asserted at 100 by bench/lighthouse.test.ts (npm run bench:check, which CI runs);
performance is recorded here only.
`,
);
console.log(rows.join('\n'));
