// Drives the argument map the way a user would: a seeded store on real sources, clicks, drags, real keys.
import type { CrossreadStore } from '../../../src/store/index.ts';
import type { CrMapView } from '../../../src/components/map/cr-map-view.ts';
import type { CrMapCanvas } from '../../../src/components/map/cr-map-canvas.ts';
import '../../../src/components/map/cr-map-view.ts';
import { until, withStore } from '../helpers.ts';
import { corpus } from '../claims/harness.ts';

export { until };
export { claimFrom, corpus, seed, focused, press } from '../claims/harness.ts';

/** Mounts the map view inside a `<main>` of a given size, as the app does. */
export async function mountMap(store: CrossreadStore): Promise<CrMapView> {
  document.querySelector('main.test')?.remove();
  const main = document.createElement('main');
  main.className = 'test';
  main.style.cssText = 'display:block;width:1100px;height:700px';
  const view = document.createElement('cr-map-view');
  view.entries = await corpus.index();
  view.documents = (id) => corpus.document(id);
  document.body.append(main);
  await withStore(store, main, view);
  await view.updateComplete;
  return view;
}

/** The view's canvas, once drawn. */
export const canvasOf = (view: CrMapView) => until(() => view.shadowRoot!.querySelector<CrMapCanvas>('cr-map-canvas'), 'map canvas', 10000);

/** The node of a claim on the canvas. */
export const nodeOf = (canvas: CrMapCanvas, id: string) => canvas.shadowRoot!.querySelector<SVGGElement>(`g.node[data-id="${CSS.escape(id)}"]`);

/** Ids of the nodes drawn, in drawing order. */
export const drawnIds = (canvas: CrMapCanvas) => [...canvas.shadowRoot!.querySelectorAll<SVGGElement>('g.node')].map((g) => g.dataset['id']!);

/** Waits until every one of `ids` is drawn (laid out), and resolves with the canvas. */
export async function drawn(view: CrMapView, ids: readonly string[]): Promise<CrMapCanvas> {
  const canvas = await canvasOf(view);
  await until(() => ids.every((id) => nodeOf(canvas, id)), `nodes ${ids.length} drawn`, 10000);
  return canvas;
}

/** The centre of an element on screen. */
export function centreOf(el: Element): { x: number; y: number } {
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}
