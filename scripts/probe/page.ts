// Shared by the resilience probes (scripts/probe-resilience.ts).
import type { BrowserContext, Page } from 'playwright-core';

/** What a probe hands back: lines of findings (empty: it held) and lines of measurements. */
export interface ProbeOutcome {
  failures: string[];
  notes: string[];
}

/** A page of the built app whose uncaught errors and console errors are collected. */
export async function appPage(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  // tsx keeps function names with a `__name` helper that functions sent to the page also call.
  await context.addInitScript('globalThis.__name = (f) => f');
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console error: ${m.text()}`); });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('cr-app')?.store.mode !== undefined);
  return page;
}


/** Every record of the named object stores of the app's database, sorted by id, read in `page`. */
export function readDatabase(page: Page, stores: string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(async (stores) => {
    const db = await new Promise<IDBDatabase>((ok, no) => {
      const r = indexedDB.open('crossread');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(new Error(r.error?.message ?? 'open failed'));
    });
    const out: Record<string, unknown[]> = {};
    const tx = db.transaction(stores, 'readonly');
    for (const s of stores) {
      out[s] = await new Promise<unknown[]>((ok) => {
        const r = tx.objectStore(s).getAll();
        r.onsuccess = () => ok((r.result as Array<{ id: string }>).sort((x, y) => x.id.localeCompare(y.id)));
      });
    }
    db.close();
    return out;
  }, stores);
}
