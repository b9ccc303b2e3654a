import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { CrMapMinimap } from '../../../src/components/map/cr-map-minimap.ts';
import type { MinimapPanEvent } from '../../../src/components/map/map-events.ts';
import '../../../src/components/map/cr-map-minimap.ts';

afterEach(() => document.querySelector('cr-map-minimap')?.remove());

/** Presses the real mouse at a point of the overview (fractions of its width and height) and returns where it asks to pan. */
async function pressAt(mini: CrMapMinimap, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const r = mini.getBoundingClientRect();
  const asked = new Promise<MinimapPanEvent>((resolve) => mini.addEventListener('cr-minimap-pan', resolve, { once: true }));
  await sendMouse({ type: 'move', position: [Math.round(r.left + fx * r.width), Math.round(r.top + fy * r.height)] });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'up' });
  const e = await asked;
  return { x: e.x, y: e.y };
}

describe('cr-map-minimap', () => {
  it('draws every node and turns a press into the map point to centre on, the map framed with a margin', async () => {
    const mini = document.createElement('cr-map-minimap');
    mini.style.cssText = 'position: fixed; left: 20px; top: 20px; width: 180px; height: 120px; border: 0';
    // The map spans 0–1000 × 0–600; with a 40-unit margin the drawing is 1080 × 680, fitted to the width.
    mini.boxes = new Map([['a', { x: 0, y: 0, width: 100, height: 50 }], ['b', { x: 900, y: 550, width: 100, height: 50 }], ['c', { x: 450, y: 275, width: 100, height: 50 }]]);
    document.body.append(mini);
    await mini.updateComplete;
    expect(mini.shadowRoot!.querySelectorAll('rect.n').length).to.equal(3);
    const centre = await pressAt(mini, 0.5, 0.5);
    expect(centre.x).to.be.closeTo(500, 8);
    expect(centre.y).to.be.closeTo(300, 8);
    const left = await pressAt(mini, 0.005, 0.5);
    expect(left.x).to.be.closeTo(-40, 8);
    const right = await pressAt(mini, 0.995, 0.5);
    expect(right.x).to.be.closeTo(1040, 8);
  });

  it('draws nothing before there is a layout', async () => {
    const mini = document.createElement('cr-map-minimap');
    document.body.append(mini);
    await mini.updateComplete;
    expect(mini.shadowRoot!.querySelector('svg')).to.equal(null);
  });
});
