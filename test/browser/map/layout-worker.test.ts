import { expect } from '@open-wc/testing';
import { MapLayouter } from '../../../src/map/index.ts';
import { generatedMap } from '../../shared/map-graph.ts';

describe('the map layout worker', () => {
  let layouter: MapLayouter | undefined;
  afterEach(() => layouter?.dispose());

  it('lays out a map of 200 claims off the main thread: no task over 50 ms on the page meanwhile', async () => {
    const tasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask' });
    layouter = new MapLayouter();
    const input = generatedMap(200, 7);
    // The page keeps painting frames while the worker works: count them as proof it was free.
    let frames = 0;
    let laidOut = false;
    const tick = () => {
      frames++;
      if (!laidOut) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const t0 = performance.now();
    const result = await layouter.layout(input);
    laidOut = true;
    // A long task is reported when it ends: give the page a frame after the answer.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    tasks.push(...observer.takeRecords());
    observer.disconnect();

    expect(Object.keys(result.positions)).to.have.length(200);
    expect(result.placed).to.have.length(200);
    expect(result.ms).to.be.greaterThan(0);
    const during = tasks.filter((t) => t.startTime >= t0).map((t) => Math.round(t.duration));
    expect(during, `main-thread tasks over 50 ms while laying out (worker took ${Math.round(result.ms)} ms)`).to.deep.equal([]);
    expect(frames).to.be.greaterThan(1);
  });

  it('keeps every known position and places only the new claim, in the worker too', async () => {
    layouter = new MapLayouter();
    const input = generatedMap(30, 3);
    const first = await layouter.layout(input);
    const grown = generatedMap(31, 3);
    const next = await layouter.layout({ ...grown, known: first.positions });
    expect(grown.edges.slice(0, input.edges.length)).to.deep.equal(input.edges);
    expect(next.placed).to.deep.equal(['c30']);
    for (const [id, p] of Object.entries(first.positions)) expect(next.positions[id]).to.deep.equal(p);
  });
});
