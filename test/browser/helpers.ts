import axe from 'axe-core';
import { sendKeys } from '@web/test-runner-commands';
import type { CrApp } from '../../src/components/app/cr-app.ts';
import '../../src/components/app/cr-app.ts';
import { until } from '../shared/until.ts';
import { testDbName } from '../shared/db-name.ts';
import { CrossreadStore, type StoreOptions } from '../../src/store/index.ts';

export { until };
import type { CrReader } from '../../src/components/reader/cr-reader.ts';
import type { CrDocument } from '../../src/components/reader/cr-document.ts';
import type { CrStoreProvider } from '../../src/components/store/cr-store-provider.ts';
import '../../src/components/store/cr-store-provider.ts';

export { testDbName };

const made: CrossreadStore[] = [];
afterEach(() => {
  for (const s of made.splice(0)) s.close();
});

/**
 * The one store factory of the browser tests: a store on a database of its own (or `name`, to
 * play a second tab or a reload), opened unless `open` is false (to let the app open it and
 * hear its first errors), and closed after the test.
 */
export async function makeStore(options: StoreOptions = {}, open = true): Promise<CrossreadStore> {
  const store = new CrossreadStore({ name: testDbName(), ...options });
  made.push(store);
  if (open) await store.open();
  return store;
}

// Each test file runs in a page of its own, so this is one database per file, never the app's.
const fileDbName = testDbName();
let fileStore: CrossreadStore | undefined;

/** Mount the app at a route, as a user opening that URL would; `store` defaults to one on this
 * test file's own database. */
export async function openApp(hash: string, store?: CrossreadStore): Promise<CrApp> {
  document.querySelector('cr-app')?.remove();
  fileStore?.close();
  fileStore = undefined;
  history.replaceState(null, '', hash);
  const app = document.createElement('cr-app');
  app.store = store ?? (fileStore = new CrossreadStore({ name: fileDbName }));
  document.body.append(app);
  await app.updateComplete;
  return app;
}

/**
 * Mount elements on their own with a store, the way the app provides it (ADR 0005): inside a
 * `cr-store-provider`, appended to `parent`. Resolves with the provider.
 */
export async function withStore(store: CrossreadStore, parent: Element, ...elements: Element[]): Promise<CrStoreProvider> {
  const provider = document.createElement('cr-store-provider');
  provider.store = store;
  provider.append(...elements);
  parent.append(provider);
  await provider.updateComplete;
  return provider;
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

/**
 * The one way tests open the reader: on a source id (`anisin-2026`) or a route
 * (`#/read/anisin-2026/p/5`), with a given store or this file's own; resolves once the text is
 * mapped.
 */
export async function openReader(idOrRoute: string, store?: CrossreadStore) {
  const route = idOrRoute.startsWith('#') ? idOrRoute : `#/read/${idOrRoute}`;
  const id = route.split('/')[2] ?? '';
  const app = await openApp(route, store);
  const reader = await until(() => deep(app, 'cr-reader') as CrReader | null, 'reader', 10000);
  await until(() => reader.doc?.meta.id === id, 'doc');
  const doc = await until(() => deep(reader, 'cr-document') as CrDocument | null, 'document');
  await until(() => doc.textMap, 'text map');
  return { app, reader, doc, root: doc.shadowRoot!, panel: deep(reader, 'cr-annotation-panel')! };
}

/** Select [start, end) of a document's text as a user dragging over it would; resolves with the
 * selection toolbar. */
export async function selectText(doc: CrDocument, start: number, end: number): Promise<Element> {
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(doc.textMap!.offsetsToRange(start, end)!);
  return until(() => doc.shadowRoot!.querySelector('.toolbar'), 'selection toolbar');
}

/** Select [start, end) and press N, as a reader starting a note does; resolves with the note's
 * field once it has focus (where the next key goes). */
export async function draftNote(doc: CrDocument, panel: Element, start: number, end: number): Promise<HTMLTextAreaElement> {
  await selectText(doc, start, end);
  pressKey('n');
  const note = await until(() => panel.shadowRoot!.querySelector<HTMLTextAreaElement>('#draft-note'), 'note form');
  await until(() => panel.shadowRoot!.activeElement === note, 'note focused');
  return note;
}

/** `modifier` + `key` for real, as a user holds the modifier down (Ctrl+Z, Ctrl+Enter). */
export async function pressWith(modifier: 'Shift' | 'Control', key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

/** Shift + `key` for real (selecting text by keyboard). */
export const pressShifted = (key: string) => pressWith('Shift', key);

/** Press a key with nothing focused (as on the page body). */
export const pressKey = (key: string, init: KeyboardEventInit = {}) =>
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));

// The app's design tokens (colours, fonts), as index.html links them: the test runner's page
// does not, and axe must check the contrast users see.
const theme = document.createElement('link');
theme.rel = 'stylesheet';
theme.href = new URL('../../src/theme.css', import.meta.url).href;
const themeLoaded = new Promise<void>((resolve, reject) => {
  theme.onload = () => resolve();
  theme.onerror = () => reject(new Error(`theme.css did not load from ${theme.href}`));
});
document.head.append(theme);

/** The one axe check: over the page as the app styles it, through every open shadow root;
 * returns the violations' ids and targets. */
export async function axeViolations(): Promise<string[]> {
  await themeLoaded;
  document.documentElement.lang = 'en'; // as index.html has it; the test runner's page does not
  const result = await axe.run(document, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
}

/** Choose a file in the library's file input, as the file picker would. */
export function chooseFile(library: Element, file: File): void {
  const input = library.shadowRoot!.querySelector('input[type=file]') as HTMLInputElement;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** A file the app handed the browser to save: its name and contents. */
export interface Download {
  name: string;
  text: Promise<string>;
}

/**
 * Runs `act` and resolves with the first `count` downloads it starts (at once or after some
 * work), as the browser is handed them: the link's file name and the file behind its blob URL
 * (read before the app revokes it).
 */
export async function catchDownloads(act: () => unknown, count = 1): Promise<Download[]> {
  const saved: Download[] = [];
  const clicks = (e: Event) => {
    const a = e.target as HTMLAnchorElement;
    if (!(a instanceof HTMLAnchorElement) || !a.download) return;
    saved.push({ name: a.download, text: fetch(a.href).then((r) => r.text()) });
    e.preventDefault();
  };
  document.addEventListener('click', clicks, true);
  try {
    act();
    await until(() => saved.length >= count, `${count} download(s)`);
  } finally {
    document.removeEventListener('click', clicks, true);
  }
  return saved;
}
