import type { CrApp } from '../../src/components/app/cr-app.ts';
import '../../src/components/app/cr-app.ts';
import type { CrossreadStore } from '../../src/store/index.ts';

/** Wait until `check` returns a truthy value (polling each frame), or fail after `ms`. */
export async function until<T>(check: () => T | undefined | null | false, what: string, ms = 5000): Promise<T> {
  const t0 = performance.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (performance.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** Mount the app at a route, as a user opening that URL would; `store` defaults to the app's
 * own (the default database). */
export async function openApp(hash: string, store?: CrossreadStore): Promise<CrApp> {
  document.querySelector('cr-app')?.remove();
  history.replaceState(null, '', hash);
  const app = document.createElement('cr-app');
  if (store) app.store = store;
  document.body.append(app);
  await app.updateComplete;
  return app;
}

/** Query through the shadow roots of a chain of elements: deep(app, 'cr-reader', 'cr-document'). */
export function deep(root: Element, ...selectors: string[]): Element | null {
  let cur: Element | null = root;
  for (const s of selectors) {
    cur = (cur?.shadowRoot ?? cur)?.querySelector(s) ?? null;
    if (!cur) return null;
  }
  return cur;
}
