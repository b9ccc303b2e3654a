// Drives the argument map the way a user would: a seeded store on real sources, clicks, drags, real keys.
import type { CrossreadStore } from '../../../src/store/index.ts';
import type { CrMapView } from '../../../src/components/map/cr-map-view.ts';
import type { CrMapCanvas } from '../../../src/components/map/cr-map-canvas.ts';
import '../../../src/components/map/cr-map-view.ts';
import { sendMouse } from '@web/test-runner-commands';
import { until, withStore } from '../helpers.ts';
import { MapLayouter } from '../../../src/map/index.ts';
import { corpus } from '../claims/harness.ts';

export { until };
export { $, $$, choose, claimFrom, corpus, seed, focused, isOpen, press } from '../claims/harness.ts';

/** Mounts the map view inside a `<main>` of a fixed size (so layouts and screenshots compare), as the app does. */
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
export const canvasOf = (view: CrMapView) => until(() => view.shadowRoot!.querySelector<CrMapCanvas>('cr-map-canvas'), 'map canvas', 20000);

/** The node of a claim on the canvas. */
export const nodeOf = (canvas: CrMapCanvas, id: string) => canvas.shadowRoot!.querySelector<SVGGElement>(`g.node[data-id="${CSS.escape(id)}"]`);

/** Ids of the nodes drawn, in drawing order. */
export const drawnIds = (canvas: CrMapCanvas) => [...canvas.shadowRoot!.querySelectorAll<SVGGElement>('g.node')].map((g) => g.dataset['id']!);

/** Waits until every one of `ids` is drawn (laid out), and resolves with the canvas. */
export async function drawn(view: CrMapView, ids: readonly string[]): Promise<CrMapCanvas> {
  const canvas = await canvasOf(view);
  await until(() => ids.every((id) => nodeOf(canvas, id)), `nodes ${ids.length} drawn`, 20000);
  return canvas;
}

/** The centre of an element on screen. */
export function centreOf(el: Element): { x: number; y: number } {
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** Drags with the real mouse from one point to another, in steps (as a hand would). */
export async function drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await sendMouse({ type: 'move', position: [Math.round(from.x), Math.round(from.y)] });
  await sendMouse({ type: 'down' });
  for (const t of [0.25, 0.5, 0.75, 1]) {
    await sendMouse({ type: 'move', position: [Math.round(from.x + (to.x - from.x) * t), Math.round(from.y + (to.y - from.y) * t)] });
  }
  await sendMouse({ type: 'up' });
}

/** Clicks with the real mouse at a point. */
export async function clickAt(p: { x: number; y: number }): Promise<void> {
  await sendMouse({ type: 'click', position: [Math.round(p.x), Math.round(p.y)] });
}

/** Where a node is drawn, in map units (its `translate`). */
export function placeOf(node: SVGGElement): { x: number; y: number } {
  const m = /translate\((-?[\d.]+) (-?[\d.]+)\)/.exec(node.getAttribute('transform') ?? '')!;
  return { x: Number(m[1]), y: Number(m[2]) };
}

/**
 * Starts a layout worker once, so the first test of a file does not pay for the dev server
 * transforming ELK (seconds, the first time); call from a `before` hook.
 */
export async function warmLayout(): Promise<void> {
  const layouter = new MapLayouter();
  try {
    await layouter.layout({ nodes: [{ id: 'a', width: 10, height: 10 }], edges: [] });
  } finally {
    layouter.dispose();
  }
}
