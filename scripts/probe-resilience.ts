// Resilience probes of issue 8 against the production build, in Debian's Chromium: two real
// tabs editing the same records at high rates (with deletes and a reload mid-burst), damaged
// databases of kinds the tests do not build, pathological user files, and a full disk.
// Not part of `npm test` (minutes, and timings); what a probe found is pinned by a test.
//   npm run build && npx tsx scripts/probe-resilience.ts [tabs|damage|files|quota] [--edits=N]
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { ProbeOutcome } from './probe/page.ts';
import { launchChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';
import { probeTabs } from './probe/tabs.ts';
import { probeDamage } from './probe/damage.ts';
import { probeFiles } from './probe/files.ts';
import { probeQuota } from './probe/quota.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const edits = Number(process.argv.find((a) => a.startsWith('--edits='))?.slice(8) ?? 2400);

const server = await serveStatic(dist);
const browser: Browser = await launchChromium();
const results: Array<[string, ProbeOutcome]> = [];
try {
  const probes: Array<[string, () => Promise<ProbeOutcome>]> = [
    ['tabs', () => probeTabs(browser, server.url, edits)],
    ['damage', () => probeDamage(browser, server.url)],
    ['files', () => probeFiles(browser, server.url)],
    ['quota', () => probeQuota(browser, server.url)],
  ];
  for (const [name, run] of probes) {
    if (only.length && !only.includes(name)) continue;
    const t0 = Date.now();
    let outcome: ProbeOutcome;
    try {
      outcome = await run();
    } catch (e) {
      outcome = { failures: [`probe crashed: ${(e as Error).stack ?? String(e)}`], notes: [] };
    }
    outcome.notes.push(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
    results.push([name, outcome]);
    console.log(`\n== ${name}: ${outcome.failures.length ? 'FAILED' : 'held'}`);
    for (const n of outcome.notes) console.log(`   ${n}`);
    for (const f of outcome.failures) console.log(` ! ${f}`);
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(results.some(([, o]) => o.failures.length) ? 1 : 0);
