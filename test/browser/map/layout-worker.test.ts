import { expect } from '@open-wc/testing';
import { MapLayouter } from '../../../src/map/index.ts';
import { generatedMap } from '../../shared/map-graph.ts';
import { watchLongTasks, withoutStall } from '../reader/hostile-files-harness.ts';

describe('the map layout worker', () => {
  let layouter: MapLayouter | undefined;
  afterEach(() => layouter?.dispose());

  it('lays out a map of 150 claims off the main thread: the page never stalls meanwhile', async function () {
    // ELK's first run in a fresh worker compiles its code: seconds on a loaded machine.
    this.timeout(60000);
    const input = generatedMap(150, 7);
    // A stall is the page's own script running over 50 ms in one task, or any task over 1 s
    // (isStall): on this shared machine the page's thread is sometimes not scheduled at all,
    // which makes long tasks with no script of ours in them (withoutStall: another attempt).
    const result = await withoutStall(async () => {
      layouter?.dispose();
      layouter = new MapLayouter();
      const watch = watchLongTasks();
      await watch.started;
      const result = await layouter.layout(input);
      return { tasks: await watch.stop(), result };
    });
    expect(Object.keys(result.positions)).to.have.length(150);
    expect(result.placed).to.have.length(150);
    // The layout took its time in the worker, far over one task's 50 ms: had it run on the page, it would have stalled it.
    expect(result.ms).to.be.greaterThan(50);
  });

  it('keeps every known position and places only the new claim, in the worker too', async function () {
    this.timeout(60000);
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
