import ELK from 'elkjs/lib/elk.bundled.js';
import { elkPositions } from './src/map/layout/elk-graph.ts';
import { generatedMap } from './test/shared/map-graph.ts';
const elk = new ELK();
const g = generatedMap(Number(process.argv[2]), 1);
await elkPositions(elk, g.nodes.slice(0, 100), g.edges); // warm
const variants: Record<string, Record<string, string>> = {
  combo: { 'elk.layered.thoroughness': '1', 'elk.edgeRouting': 'POLYLINE', 'elk.layered.considerModelOrder.strategy': 'NONE' },
  bkfast: { 'elk.layered.thoroughness': '1', 'elk.edgeRouting': 'POLYLINE', 'elk.layered.considerModelOrder.strategy': 'NONE', 'elk.layered.nodePlacement.strategy': 'SIMPLE' },
  bkfastNoSep: { 'elk.layered.thoroughness': '1', 'elk.edgeRouting': 'POLYLINE', 'elk.layered.considerModelOrder.strategy': 'NONE', 'elk.layered.nodePlacement.strategy': 'SIMPLE', 'elk.separateConnectedComponents': 'false' },
};
for (const [name, extra] of Object.entries(variants)) {
  const r: number[] = [];
  for (let i = 0; i < 1; i++) {
    const c0 = process.cpuUsage();
    await elkPositions(elk, g.nodes, g.edges, [], extra);
    const c = process.cpuUsage(c0);
    r.push(Math.round((c.user + c.system) / 1000));
  }
  console.log(name, r.join(' '));
}
