// Probe: a full disk for real. Chromium's quota for the app's origin is set below its usage
// (CDP Storage.overrideQuotaForOrigin), then every kind of action is tried through the store and
// one editor through the reader's panel: each must be refused as `quota` with the reader's
// message, the editor must keep its text, and neither memory nor the database may change.
import type { Browser } from 'playwright-core';
import { appPage, readDatabase, type ProbeOutcome } from './page.ts';

const STORES = ['annotations', 'claims', 'links', 'events', 'settings'];

/** Runs the probe. */
export async function probeQuota(browser: Browser, url: string): Promise<ProbeOutcome> {
  const failures: string[] = [];
  const notes: string[] = [];
  const errors: string[] = [];
  const context = await browser.newContext();
  const origin = new URL(url).origin;
  // Chromium reads an origin's quota when it opens its databases, so the quota is set first
  // (room for the seed), and the disk is filled later from another database of the origin.
  const blank = await context.newPage();
  const cdp = await context.newCDPSession(blank);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 2_000_000 });
  const page = await appPage(context, url + '#/read/duvanova-junisbai-2022', errors);
  await page.locator('cr-document [data-block]').first().waitFor();
  const ids = await page.evaluate(async () => {
    const app = document.querySelector('cr-app')!;
    const store = app.store;
    const doc = app.shadowRoot!.querySelector('cr-reader')!.shadowRoot!.querySelector('cr-document')!.doc!;
    const b = doc.blocks.find((x) => x.numbered && x.n === 4)!;
    const exact = doc.text.slice(b.start, b.start + 60);
    const target = {
      source: doc.meta.id, sourceHash: doc.hash,
      selector: [
        { type: 'TextQuoteSelector' as const, exact, prefix: doc.text.slice(Math.max(0, b.start - 32), b.start), suffix: doc.text.slice(b.start + 60, b.start + 92) },
        { type: 'TextPositionSelector' as const, start: b.start, end: b.start + 60 },
      ] as [{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }, { type: 'TextPositionSelector'; start: number; end: number }],
    };
    const a = (await store.createAnnotation({ target, note: 'Original note', tags: ['mine'] })).value.id;
    const c = (await store.createClaim({ statement: 'Original statement', evidence: { annotation: a, stance: 'asserts' } })).value.id;
    const c2 = (await store.createClaim({ statement: 'Second', evidence: { annotation: a, stance: 'mentions' } })).value.id;
    const e = (await store.createEvent({ name: 'Original event', start: '2022-01-05' })).value.id;
    const l = (await store.createLink({ relation: 'supports', from: c, to: c2, rationale: 'Original rationale' })).value.id;
    return { a, c, c2, e, l, target };
  });
  const filled = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const r = indexedDB.open('probe-filler', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('fill');
      r.onsuccess = () => ok(r.result);
    });
    // Random text does not compress: each write takes its size.
    const chunk = (n: number) => Array.from({ length: Math.ceil(n / 6) }, () => Math.random().toString(36).slice(2, 8)).join('');
    let bytes = 0;
    for (let size = 200_000; size >= 500; ) {
      const ok = await new Promise<boolean>((done) => {
        const tx = db.transaction('fill', 'readwrite');
        tx.objectStore('fill').put(chunk(size), Math.random());
        tx.oncomplete = () => done(true);
        tx.onabort = () => done(false);
      });
      if (ok) bytes += size;
      else size = Math.floor(size / 2);
    }
    db.close();
    return bytes;
  });
  notes.push(`disk filled with ${filled} bytes of random text`);
  const before = JSON.stringify(await readDatabase(page, STORES));
  const outcomes = await page.evaluate(async ({ a, c, c2, e, l, target }) => {
    const store = document.querySelector('cr-app')!.store;
    const tries: Array<[string, () => Promise<unknown>]> = [
      ['edit note', () => store.updateAnnotation(a, { note: 'n'.repeat(90_000) })],
      ['tag passage', () => store.updateAnnotation(a, { tags: ['mine', 'more'] })],
      ['new passage', () => store.createAnnotation({ target, note: 'new' })],
      ['passage as evidence', () => store.addPassageAsEvidence(c, { target, note: 'as evidence' }, 'mentions')],
      ['edit statement', () => store.updateClaim(c, { statement: 's'.repeat(400) })],
      ['new claim', () => store.createClaim({ statement: 'New claim', evidence: { annotation: a, stance: 'asserts' } })],
      ['edit rationale', () => store.updateLink(l, { rationale: 'r'.repeat(50_000) })],
      ['new link', () => store.createLink({ relation: 'contradicts', from: c2, to: c })],
      ['rename event', () => store.updateEvent(e, { name: 'Renamed event' })],
      ['new event', () => store.createEvent({ name: 'New event', start: '2022-01-06' })],
    ];
    const out: string[] = [];
    for (const [what, run] of tries) {
      try {
        await run();
        out.push(`${what}: saved`);
      } catch (err) {
        out.push(`${what}: ${(err as { kind?: string }).kind ?? 'thrown'}: ${(err as Error).message}`);
      }
    }
    return out;
  }, ids);
  notes.push(...outcomes.map((o) => `store: ${o}`));
  for (const o of outcomes) if (!/: quota: /.test(o)) failures.push(`not refused as a full disk: ${o}`);
  // Deleting frees space, so the browser lets it through; a setting is a few bytes. Neither is refused.
  const after = JSON.stringify(await readDatabase(page, STORES));
  if (after !== before) failures.push('the database changed while the disk was full');
  const memory = await page.evaluate(() => {
    const s = document.querySelector('cr-app')!.store;
    return { annotations: s.annotations.size, claims: s.claims.size, links: s.links.size, events: s.events.size, note: s.getAnnotation([...s.annotations.keys()][0]!)!.body.length };
  });
  notes.push(`memory after: ${JSON.stringify(memory)}`);
  if (memory.annotations !== 1 || memory.claims !== 2 || memory.links !== 1 || memory.events !== 1) failures.push(`memory changed while the disk was full: ${JSON.stringify(memory)}`);

  // One editor for real: the note of the passage, in the reader's panel.
  await page.reload();
  await page.locator('cr-document [data-block]').first().waitFor();
  const card = page.locator(`cr-annotation-panel [data-id="${ids.a}"]`);
  await card.locator('.quote').click({ timeout: 10_000 });
  await card.getByRole('button', { name: 'Edit', exact: true }).click({ timeout: 10_000 });
  const field = page.locator('cr-annotation-panel #edit-note');
  await field.fill('Typed while the disk is full');
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(1000);
  notes.push(`editor after save: ${JSON.stringify(await page.locator('cr-annotation-panel').evaluate((p) => p.shadowRoot!.textContent.replace(/\s+/g, ' ').slice(0, 600)))}`);
  const alert = page.locator('cr-annotation-panel .error[role=alert]');
  const message = await alert.textContent({ timeout: 10_000 }).catch(() => null);
  notes.push(`editor: message ${JSON.stringify(message?.trim())}; field ${JSON.stringify(await field.inputValue().catch(() => '(closed)'))}`);
  if (!message?.includes('storage space')) failures.push(`editor: no full-disk message (${JSON.stringify(message)})`);
  if ((await field.inputValue().catch(() => '')) !== 'Typed while the disk is full') failures.push('editor: the typed text is gone');
  const toast = await page.locator('cr-app .toast').allTextContents();
  notes.push(`toasts: ${JSON.stringify(toast)}; warning: ${await page.locator('cr-app .warning').allTextContents().then((t) => JSON.stringify(t))}`);

  // Space again: the same save goes through.
  await page.evaluate(() => new Promise((ok) => { indexedDB.deleteDatabase('probe-filler').onsuccess = ok; }));
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction((a) => document.querySelector('cr-app')!.store.getAnnotation(a)!.body.some((b) => 'value' in b && b.value === 'Typed while the disk is full'), ids.a, { timeout: 10_000 })
    .catch(() => failures.push('editor: saving again with space did not save'));
  failures.push(...errors);
  await context.close();
  return { failures, notes };
}
