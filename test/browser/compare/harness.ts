// Drives the compare view as a reader would: scroll a column, find cards, press their buttons.
import { CorpusClient } from '../../../src/app/corpus-client.ts';
import { targetFor } from '../../../src/annotate/anchored.ts';
import { CrossreadStore, type Annotation, type Claim, type Link } from '../../../src/store/index.ts';
import type { CrCompareView } from '../../../src/components/compare/cr-compare-view.ts';
import type { CrCompareColumn } from '../../../src/components/compare/cr-compare-column.ts';
import type { Side } from '../../../src/components/compare/compare-events.ts';
import type { CrDocument } from '../../../src/components/reader/cr-document.ts';
import type { CrApp } from '../../../src/components/app/cr-app.ts';
import type { DocModel } from '../../../src/corpus/types.ts';
import { deep, openApp, until, makeStore } from '../helpers.ts';

export const DJ = 'duvanova-junisbai-2022';
export const ANISIN = 'anisin-2026';
export const KURMASHEV = 'kurmashev-et-al-2018';

const client = new CorpusClient('/corpus/build/');

/** An annotation on the passage of a source that runs from `from` through `to` (both quoted). */
export async function annotate(store: CrossreadStore, id: string, from: string, to: string): Promise<{ doc: DocModel; annotation: Annotation }> {
  const doc = await client.document(id);
  const start = doc.text.indexOf(from);
  const end = doc.text.indexOf(to, start) + to.length;
  if (start < 0 || end < start + to.length) throw new Error(`passage not found in ${id}`);
  return { doc, annotation: (await store.createAnnotation({ target: targetFor(doc, start, end) })).value };
}

/** Two claims on the Almaty security forces, one per source, that contradict each other. */
export interface Seeded {
  store: CrossreadStore;
  dj: Annotation;
  anisin: Annotation;
  stoodDown: Claim;
  overwhelmed: Claim;
  link: Link;
}

export async function seed(store?: CrossreadStore): Promise<Seeded> {
  store ??= await makeStore();
  const { annotation: dj } = await annotate(store, DJ, 'the security forces, under the control of Abish', 'in its hour of need');
  const { annotation: anisin } = await annotate(store, ANISIN, 'the CSTO was sent in when protesters', 'security forces and police');
  const stoodDown = (await store.createClaim({ statement: 'Security forces in Almaty were stood down on purpose', evidence: { annotation: dj.id, stance: 'asserts' } })).value;
  const overwhelmed = (await store.createClaim({ statement: 'Protesters overwhelmed the security forces in Almaty', evidence: { annotation: anisin.id, stance: 'asserts' } })).value;
  const link = (await store.createLink({ relation: 'contradicts', from: stoodDown.id, to: overwhelmed.id, rationale: 'Stood down, or overrun?' })).value;
  return { store, dj, anisin, stoodDown, overwhelmed, link };
}

/** The compare view of a mounted app, with one column harness per side. */
export class CompareHarness {
  constructor(readonly app: CrApp, readonly view: CrCompareView) {}

  static async open(left: string, right: string, store: CrossreadStore): Promise<CompareHarness> {
    const app = await openApp(`#/compare/${left}/${right}`, store);
    const view = await until(() => deep(app, 'cr-compare-view') as CrCompareView | null, 'compare view', 10000);
    await customElements.whenDefined('cr-compare-view'); // the app loads the view on first visit
    const h = new CompareHarness(app, view);
    await h.ready('left', left);
    await h.ready('right', right);
    return h;
  }

  column(side: Side): CrCompareColumn {
    return this.view.column(side)!;
  }

  doc(side: Side): CrDocument | null {
    return deep(this.column(side), 'cr-document') as CrDocument | null;
  }

  scroller(side: Side): HTMLElement {
    return this.column(side).scrollContainer;
  }

  /** Waits until a column shows source `id` with its text map built. */
  async ready(side: Side, id: string): Promise<CrDocument> {
    return until(() => {
      const d = this.doc(side);
      return d?.doc?.meta.id === id && d.textMap ? d : null;
    }, `${side} column showing ${id}`, 10000);
  }

  /** The rectangle of an annotation's passage on screen. */
  passageRect(side: Side, annotationId: string): DOMRect | undefined {
    const d = this.doc(side);
    const p = d?.placed.find((x) => x.annotation.id === annotationId);
    return p && d?.textMap?.offsetsToRange(p.start, p.end)?.getBoundingClientRect();
  }

  /** True when an annotation's passage is (at least partly) inside its column's viewport. */
  inView(side: Side, annotationId: string): boolean {
    const r = this.passageRect(side, annotationId);
    const box = this.scroller(side).getBoundingClientRect();
    return !!r && r.height > 0 && r.top >= box.top - 1 && r.top < box.bottom && r.bottom > box.top;
  }

  /** Scroll a column as a reader would, until an annotation's passage is near its top. */
  async scrollTo(side: Side, annotationId: string): Promise<void> {
    const s = this.scroller(side);
    const r = this.passageRect(side, annotationId)!;
    s.scrollTop += r.top - s.getBoundingClientRect().top - 100;
    await until(() => this.inView(side, annotationId), 'passage scrolled into view');
  }

  cards(side: Side): HTMLElement[] {
    return [...this.column(side).shadowRoot!.querySelectorAll<HTMLElement>('.card')];
  }

  /** The card whose claim statement contains `text`, once it shows. */
  card(side: Side, text: string): Promise<HTMLElement> {
    return until(() => this.cards(side).find((c) => c.querySelector('.statement')?.textContent?.includes(text)), `card "${text}" in ${side} margin`);
  }

  status(side: Side): string {
    return this.column(side).shadowRoot!.querySelector('[role=status]')?.textContent?.trim() ?? '';
  }

  select(side: Side): HTMLSelectElement {
    return this.column(side).shadowRoot!.querySelector('select')!;
  }
}
