// Drives the claims view the way a user would: seeded store on real sources, clicks, real keys.
import { sendKeys } from '@web/test-runner-commands';
import { CrossreadStore, type Claim, type Stance } from '../../../src/store/index.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';
import { CorpusClient } from '../../../src/app/corpus-client.ts';
import type { DocModel } from '../../../src/corpus/types.ts';
import type { NotifyEvent } from '../../../src/components/shared/events.ts';
import type { CrClaimsView } from '../../../src/components/claims/cr-claims-view.ts';
import type { CrClaimCard } from '../../../src/components/claims/cr-claim-card.ts';
import '../../../src/components/claims/cr-claims-view.ts';
import { until, withStore } from '../helpers.ts';

export { until };

export const corpus = new CorpusClient('/corpus/build/');

/** The text of ¶n of a real source and its offsets. */
export function paragraph(doc: DocModel, n: number): { start: number; end: number; text: string } {
  const b = doc.blocks.find((x) => x.kind === 'paragraph' && x.n === n)!;
  return { start: b.start, end: b.end, text: doc.text.slice(b.start, b.end) };
}

/** Makes a claim from the first `len` characters of ¶n of a source, as the reader does. */
export async function claimFrom(
  store: CrossreadStore, source: string, n: number, statement: string,
  options: { stance?: Stance; tags?: string[]; len?: number } = {},
): Promise<Claim> {
  const doc = await corpus.document(source);
  const p = paragraph(doc, n);
  const annotation = (await store.createAnnotation({ target: targetFor(doc, p.start, p.start + Math.min(options.len ?? 90, p.end - p.start)) })).value;
  return (await store.createClaim({ statement, tags: options.tags, evidence: { annotation: annotation.id, stance: options.stance ?? 'asserts' } })).value;
}

/** Four claims over the three sources: A and D say the same thing; B contradicts A. */
export async function seed(store: CrossreadStore) {
  const a = await claimFrom(store, 'duvanova-junisbai-2022', 3, 'The violence in Almaty was organised by elites fighting each other', { tags: ['violence', 'Almaty'] });
  const b = await claimFrom(store, 'anisin-2026', 5, 'The CSTO came because the regime faced a popular uprising', { tags: ['CSTO'] });
  const c = await claimFrom(store, 'kurmashev-et-al-2018', 4, 'Kazakhstan frames terrorism as an external threat', { tags: ['terrorism'] });
  const d = await claimFrom(store, 'anisin-2026', 7, 'Rival elites organised the Almaty violence', { tags: ['elites'], stance: 'mentions' });
  return { a, b, c, d };
}

/** Toasts asked for, newest last. */
export const notices: NotifyEvent[] = [];
document.body.addEventListener('cr-notify', (e) => notices.push(e));

/** Mounts the view inside a `<main>`, as the app does. */
export async function mount(store: CrossreadStore, claimId = ''): Promise<CrClaimsView> {
  document.querySelector('main.test')?.remove();
  const main = document.createElement('main');
  main.className = 'test';
  const view = document.createElement('cr-claims-view');
  view.entries = await corpus.index();
  view.documents = (id) => corpus.document(id);
  view.claimId = claimId;
  document.body.append(main);
  await withStore(store, main, view);
  await view.updateComplete;
  return view;
}

/** The element focused, through shadow roots. */
export function focused(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Presses a key for real (through the browser's input pipeline). */
export const press = (key: string) => sendKeys({ press: key });
/** Types text for real. */
export const type = (text: string) => sendKeys({ type: text });

/** Presses Tab until `check` holds for the focused element; fails after `max` presses. */
export async function tabUntil(check: (el: Element) => boolean, what: string, max = 60): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await press('Tab');
    const el = focused();
    if (el && check(el)) return el;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Query inside a shadow root. */
export function $<E extends Element = HTMLElement>(host: Element, selector: string): E | null {
  return (host.shadowRoot ?? host).querySelector<E>(selector);
}

/** Every match inside a shadow root. */
export function $$<E extends Element = HTMLElement>(host: Element, selector: string): E[] {
  return [...(host.shadowRoot ?? host).querySelectorAll<E>(selector)];
}

/** The card of a claim, once rendered. */
export function card(view: CrClaimsView, id: string): Promise<CrClaimCard> {
  return until(() => $<CrClaimCard>(view, `cr-claim-card[data-id="${id}"]`), `card ${id}`);
}

/** Expands a claim by clicking its statement; resolves with its card once expanded. */
export async function expand(view: CrClaimsView, id: string): Promise<CrClaimCard> {
  const c = await card(view, id);
  if (!c.expanded) $(c, '#statement')!.click();
  await until(() => c.expanded && $(c, '[data-intent]'), 'expanded');
  return c;
}

/** Chooses an option of a labelled `<select>` as a user would (change event). */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Fills a form field as a user would (input event). */
export function fill(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Ids of the claims listed, in order. */
export const shownIds = (view: CrClaimsView) => $$(view, 'cr-claim-card').map((c) => c.dataset['id']);
/** A dialog component of the view. */
export const dialogOf = <D extends Element>(view: CrClaimsView, tag: string) => $<D>(view, tag)!;
/** Whether a dialog component's `<dialog>` is open. */
export const isOpen = (host: Element) => $<HTMLDialogElement>(host, 'dialog')!.open;
