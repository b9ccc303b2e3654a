// Probe: damage of kinds the tests do not build, written straight into IndexedDB beside valid
// records; then every view is opened and must render without uncaught errors, and the settings
// panel must list what was set aside.
import type { Browser, Page } from 'playwright-core';
import { appPage, type ProbeOutcome } from './page.ts';

const SOURCES = ['duvanova-junisbai-2022', 'kurmashev-et-al-2018', 'anisin-2026'];

/** Valid records made through the store, to clone damage from. */
async function seedValid(page: Page) {
  return page.evaluate(async () => {
    const store = document.querySelector('cr-app')!.store;
    const doc = 'duvanova-junisbai-2022';
    const target = (exact: string, start: number) => ({
      source: doc, sourceHash: 'sha256-probe',
      selector: [
        { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector' as const, start, end: start + exact.length },
      ] as [{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }, { type: 'TextPositionSelector'; start: number; end: number }],
    });
    const e = (await store.createEvent({ name: 'Bloody January', start: '2022-01-02', end: '2022-01-11' })).value;
    // A quote that is nowhere in the text: an orphan, not a damaged record.
    const a = (await store.createAnnotation({ target: target('words that are not in this text at all', 40), note: 'an orphan', tags: ['t'], events: [e.id] })).value;
    const c = (await store.createClaim({ statement: 'A valid claim', evidence: { annotation: a.id, stance: 'asserts' }, events: [e.id] })).value;
    const c2 = (await store.createClaim({ statement: 'Another claim', evidence: { annotation: a.id, stance: 'mentions' } })).value;
    const l = (await store.createLink({ relation: 'supports', from: c.id, to: c2.id, rationale: 'why' })).value;
    return { a, c, l, e };
  });
}

/** Writes `[store, value]` pairs into the app's database behind the app's back. */
async function putRaw(page: Page, records: Array<[string, unknown]>): Promise<void> {
  await page.evaluate(async (records) => {
    const db = await new Promise<IDBDatabase>((ok, no) => {
      const r = indexedDB.open('crossread');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(new Error(r.error?.message ?? 'open failed'));
    });
    const tx = db.transaction([...new Set(records.map(([s]) => s))], 'readwrite');
    const nest = (depth: number) => {
      let v: unknown = 'bottom';
      for (let i = 0; i < depth; i++) v = { n: v, list: [i] };
      return v;
    };
    const build = (value: unknown): unknown => {
      if (typeof value !== 'object' || value === null) return value;
      if ('__nest' in value) return nest((value as { __nest: number }).__nest);
      if (Array.isArray(value)) return value.map(build);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, build(v)]));
    };
    for (const [s, value] of records) tx.objectStore(s).put(build(value));
    await new Promise<void>((ok, no) => { tx.oncomplete = () => ok(); tx.onerror = () => no(new Error(tx.error?.message ?? 'write failed')); });
    db.close();
  }, records);
}

const id = (n: number) => `urn:uuid:0000dead-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Runs the probe. */
export async function probeDamage(browser: Browser, url: string): Promise<ProbeOutcome> {
  const failures: string[] = [];
  const notes: string[] = [];
  const errors: string[] = [];
  const context = await browser.newContext();
  const page = await appPage(context, url + '#/', errors);
  const { a, c, l, e } = await seedValid(page);
  type R = Record<string, unknown>;
  const with_ = (r: object, n: number, extra: R): R => ({ ...r, id: id(n), ...extra });
  const sel = (start: number, end: number) => ({ ...a.target, selector: [a.target.selector[0], { type: 'TextPositionSelector', start, end }] });
  // Built in the page: Playwright's serializer cannot hand over 1,000 levels (IndexedDB itself refuses 3,000).
  const nested = { __nest: 1000 };
  const damage: Array<[string, string, unknown]> = [
    ['extra unknown field', 'annotations', with_(a, 1, { futureField: { x: 1 } })],
    ['wrong @context', 'annotations', with_(a, 2, { '@context': 'http://example.org/ctx' })],
    ['target.source unknown', 'annotations', with_(a, 3, { target: { ...a.target, source: 'no-such-source' } })],
    ['selector start > end', 'annotations', with_(a, 4, { target: sel(500, 20) })],
    ['selector negative', 'annotations', with_(a, 5, { target: sel(-30, -2) })],
    ['selector past the text', 'annotations', with_(a, 6, { target: sel(90_000_000, 90_000_010) })],
    ['1 MB note', 'annotations', with_(a, 7, { body: [{ type: 'TextualBody', purpose: 'commenting', value: 'x'.repeat(1 << 20), format: 'text/markdown' }], motivation: 'commenting' })],
    ['deeply nested garbage', 'annotations', { id: id(8), type: 'Annotation', deep: nested }],
    ['nested garbage body', 'claims', with_(c, 9, { evidence: [{ annotation: a.id, stance: 'asserts', more: nested }] })],
    ['link from === to', 'links', with_(l, 10, { from: c.id, to: c.id })],
    ['claim with an annotation\'s id', 'claims', { ...c, id: a.id }],
    ['event with an annotation\'s id', 'events', { ...e, id: c.id }],
    ['garbage creatorName setting', 'settings', { id: 'creatorName', value: { not: 'a name' } }],
    ['garbage textChangeSeen setting', 'settings', { id: 'textChangeSeen:duvanova-junisbai-2022', value: 'garbage' }],
    ['setting without a known id', 'settings', { id: 'whatever', value: [1, 2, 3] }],
    ['garbage meta', 'meta', { id: 'replica', value: { garbage: true } }],
    ['garbage meta 2', 'meta', { id: 'localLayer', value: 42 }],
    ['event start after end', 'events', with_(e, 11, { start: '2022-02-01', end: '2022-01-01' })],
    ['date 2022-13-45', 'events', with_(e, 12, { start: '2022-13-45' })],
    ['date not a string', 'events', with_(e, 13, { start: 2022 })],
    ['annotation citing a damaged event', 'annotations', with_(a, 14, { body: [{ type: 'SpecificResource', purpose: 'classifying', source: id(12) }], motivation: 'classifying' })],
    ['claim citing a damaged annotation', 'claims', with_(c, 15, { evidence: [{ annotation: id(4), stance: 'asserts' }], events: [id(11)] })],
    ['link to a damaged claim', 'links', with_(l, 16, { from: c.id, to: id(9) })],
    ['claim with a huge statement', 'claims', with_(c, 17, { statement: 'y'.repeat(1 << 20) })],
    ['annotation created in the future, modified before', 'annotations', with_(a, 18, { created: '2999-01-01T00:00:00.000Z' })],
    ['string where an object belongs', 'claims', 'just a string'],
    ['null record', 'links', null],
  ];
  // Keyless values (a string, null) cannot be put in a keyPath store; note what IndexedDB refused.
  for (const [what, store, value] of damage) {
    try {
      await putRaw(page, [[store, value]]);
    } catch (err) {
      notes.push(`not storable (${what}): ${(err as Error).message.split('\n')[0]}`);
    }
  }
  const views = ['#/', ...SOURCES.map((s) => `#/read/${s}`), '#/claims', `#/claims/${c.id}`, `#/compare/${SOURCES[0]}/${SOURCES[2]}`, '#/settings'];
  for (const view of views) {
    const before = errors.length;
    await page.goto(url + view);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('cr-app')?.store.mode !== undefined);
    await page.waitForTimeout(1500);
    const shown = await page.evaluate(() => {
      const app = document.querySelector('cr-app')!;
      const main = app.shadowRoot!.querySelector('main')!;
      const text = (el: Element | ShadowRoot | null, depth = 0): string => {
        if (!el || depth > 8) return '';
        let s = '';
        for (const child of el.children ?? []) s += (child.shadowRoot ? text(child.shadowRoot, depth + 1) : '') + text(child, depth + 1);
        return s + (el instanceof Element && !el.children.length ? el.textContent ?? '' : '');
      };
      return { text: text(main).replace(/\s+/g, ' ').slice(0, 20000), setAside: app.store.quarantined.length, warning: app.store.warning?.message };
    });
    const newErrors = errors.slice(before);
    notes.push(`${view}: ${shown.text.length} chars shown, ${shown.setAside} set aside${shown.warning ? `, warning: ${shown.warning}` : ''}${newErrors.length ? `, ${newErrors.length} errors` : ''}`);
    if (shown.text.length < 40) failures.push(`${view}: view shows almost nothing: ${JSON.stringify(shown.text)}`);
    if (/TypeError|undefined|\[object Object\]|NaN/.test(shown.text)) failures.push(`${view}: shows ${/TypeError|undefined|\[object Object\]|NaN/.exec(shown.text)![0]}: …${shown.text.slice(Math.max(0, shown.text.search(/TypeError|undefined|\[object Object\]|NaN/) - 120), shown.text.search(/TypeError|undefined|\[object Object\]|NaN/) + 80)}…`);
    failures.push(...newErrors.map((x) => `${view}: ${x.slice(0, 400)}`));
    if (view === '#/settings') {
      const listed = await page.evaluate(() => {
        const s = document.querySelector('cr-app')!.shadowRoot!.querySelector('cr-settings')!.shadowRoot!;
        const q = s.querySelector('cr-quarantine')?.shadowRoot;
        return [...(q?.querySelectorAll('tr[data-collection]') ?? [])].map((tr) => `${tr.getAttribute('data-collection')} ${tr.getAttribute('data-id') ?? '(no id)'}: ${tr.textContent.replace(/\s+/g, ' ').slice(0, 160)}`);
      });
      notes.push(...listed.map((x) => `  set aside: ${x}`));
    }
  }
  const store = await page.evaluate(() => {
    const s = document.querySelector('cr-app')!.store;
    return { annotations: [...s.annotations.keys()], claims: [...s.claims.keys()], links: [...s.links.keys()], events: [...s.events.keys()], replica: s.replica };
  });
  notes.push(`loaded: ${store.annotations.length} annotations, ${store.claims.length} claims, ${store.links.length} links, ${store.events.length} events; replica ${store.replica}`);
  // Still writable: an edit of a valid record saves.
  const saved = await page.evaluate(async (cid) => {
    try {
      await document.querySelector('cr-app')!.store.updateClaim(cid, { tags: ['after damage'] });
      return 'saved';
    } catch (err) {
      return String((err as Error).message);
    }
  }, c.id);
  if (saved !== 'saved') failures.push(`an edit of a valid claim after loading damage: ${saved}`);
  await context.close();
  return { failures, notes };
}
