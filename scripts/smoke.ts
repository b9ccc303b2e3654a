// Smoke test of the production build: serve dist/ statically, open the library and a reader
// page in headless Chromium, check what a reader sees, and save screenshots to look at.
// Screenshots go to test-results/screenshots/ (untracked: CI must not dirty the tree);
// `npm run smoke -- --docs` writes them to docs/screenshots/ to refresh the README's.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server.ts';
import { launchChromium } from './chromium.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const toDocs = process.argv.includes('--docs');
const shots = fileURLToPath(new URL(toDocs ? '../docs/screenshots/' : '../test-results/screenshots/', import.meta.url));
await mkdir(shots, { recursive: true });

const server = await serveStatic(dist, '/some/sub/path/');
const browser = await launchChromium();
const failures: string[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) failures.push(`HTTP ${r.status()} ${r.url()}`); });

  // Served under a sub-path too, to prove the URLs are relative.
  await page.goto(server.url + '#/');
  const cards = page.locator('cr-library li');
  await cards.first().waitFor();
  const count = await cards.count();
  if (count !== 3) failures.push(`library shows ${count} sources, expected 3`);
  await page.screenshot({ path: shots + 'library.png' });

  for (const id of ['duvanova-junisbai-2022', 'kurmashev-et-al-2018', 'anisin-2026']) {
    await page.goto(`${server.url}#/read/${id}`);
    const para = page.locator('cr-document [data-block]').first();
    await para.waitFor({ timeout: 10_000 });
    const blocks = await page.locator('cr-document [data-block]').count();
    const tables = await page.locator('cr-document table').count();
    console.log(`smoke: ${id}: ${blocks} blocks, ${tables} tables`);
    if (blocks < 15) failures.push(`${id}: only ${blocks} blocks rendered`);
  }
  await page.goto(`${server.url}#/read/duvanova-junisbai-2022/p/4`);
  await page.locator('cr-document .current').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shots + 'reader.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${server.url}#/read/kurmashev-et-al-2018/p/28`);
  await page.locator('cr-document .current').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shots + 'reader-table-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // A claim in each of two sources, made as a reader makes them (select, C, type, Ctrl+Enter),
  // then linked; the built bundle's claims and compare views must show them.
  const claims: Array<[string, number, string]> = [
    ['duvanova-junisbai-2022', 5, "Almaty's security forces were stood down on purpose"],
    ['anisin-2026', 50, "Kazakhstan's security apparatus faced collapse or proved unreliable"],
  ];
  for (const [id, n, statement] of claims) {
    await page.goto(`${server.url}#/read/${id}/p/${n}`);
    await page.locator('cr-document .current').waitFor();
    await page.evaluate((n) => {
      const doc = document.querySelector('cr-app')!.shadowRoot!.querySelector('cr-reader')!.shadowRoot!.querySelector('cr-document')!;
      const b = doc.doc!.blocks.find((x) => x.numbered && x.n === n)!;
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(doc.textMap!.offsetsToRange(b.start, b.start + 140)!);
    }, n);
    await page.locator('cr-document .toolbar').waitFor();
    await page.keyboard.press('c');
    await page.locator('cr-annotation-panel #draft-statement').waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(statement);
    await page.keyboard.press('Control+Enter');
    await page.locator('cr-annotation-panel .cites').waitFor();
  }
  await page.screenshot({ path: shots + 'reader-claim.png' });
  await page.evaluate(async () => {
    const store = document.querySelector('cr-app')!.store;
    const [a, b] = [...store.claims.values()];
    await store.createLink({ relation: 'contradicts', from: a!.id, to: b!.id, rationale: 'Deliberate stand-down versus collapse of coercive control.' });
  });
  await page.goto(`${server.url}#/claims`);
  const claimCards = page.locator('cr-claims-view cr-claim-card');
  await claimCards.first().waitFor();
  if ((await claimCards.count()) !== 2) failures.push(`claims view shows ${await claimCards.count()} claims, expected 2`);
  await page.screenshot({ path: shots + 'claims.png' });
  await page.goto(`${server.url}#/compare/duvanova-junisbai-2022/anisin-2026`);
  await page.locator('cr-compare-view cr-compare-column').first().waitFor();
  // Bring each column's claim passage into view, as a reader would.
  // (revealing one column's passage may scroll the other to its linked passage as well).
  const next = page.getByRole('button', { name: /Next claim passage/ });
  for (let i = 0; i < 2 && (await next.count()) > 0; i++) {
    await next.first().click();
    await page.waitForTimeout(300);
  }
  await page.waitForTimeout(500);
  const text = await page.locator('cr-compare-view').evaluate((el) => el.shadowRoot!.textContent ?? '');
  if (!text.includes('contradicts')) failures.push('compare view does not show the contradicts link');
  await page.screenshot({ path: shots + 'compare.png' });

  // A file of the user's own is read in the worker the build bundles apart (parse-worker.js):
  // a Markdown file opens, its image waits for the reader, and a PNG named .md is refused.
  await page.goto(`${server.url}#/`);
  const input = page.locator('cr-library input[type=file]');
  await input.setInputFiles({ name: 'smoke.md', mimeType: 'text/markdown', buffer: Buffer.from('# Smoke file\n\nA paragraph with an image ![pixel](https://example.invalid/p.gif).') });
  await page.locator('cr-document h1').waitFor({ timeout: 15_000 });
  if ((await page.locator('cr-document h1').textContent()) !== 'Smoke file') failures.push('own file: wrong title');
  if ((await page.locator('cr-document .held-image button').count()) !== 1) failures.push('own file: image not held behind a button');
  await page.goto(`${server.url}#/`);
  await input.setInputFiles({ name: 'photo.md', mimeType: 'text/markdown', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
  const toast = (await page.locator('cr-app .toast', { hasText: 'Could not open' }).textContent({ timeout: 15_000 })) ?? '';
  if (!toast.includes('looks like an image (PNG), not text')) failures.push(`own file: PNG not refused as an image: ${toast}`);
  console.log('smoke: own files read in the worker');
} finally {
  await browser.close();
  await server.close();
}
if (failures.length) {
  console.error('smoke: FAILED\n  ' + failures.join('\n  '));
  process.exit(1);
}
console.log(`smoke: ok, screenshots in ${shots}`);
