import { describe, it, expect } from 'vitest';
import * as geometry from '../../src/components/map/geometry.ts';
import { borderPoint, dragRoutes, edgeRoute, edgeRoutes, LINE_CHARS, MAX_LINES, nearestInDirection, nearestTo, nodeSize, wrapLabel, type Box } from '../../src/components/map/geometry.ts';

const box = (x: number, y: number, width = 100, height = 50): Box => ({ x, y, width, height });

describe('map view geometry', () => {
  it('exports its public API', () => {
    expect(Object.keys(geometry).sort()).toEqual([
      'HEAD', 'LINE_CHARS', 'LINE_HEIGHT', 'MAX_LINES', 'NODE_WIDTH', 'borderPoint', 'dragRoutes', 'edgeRoute', 'edgeRoutes', 'nearestInDirection', 'nearestTo', 'nodeSize', 'wrapLabel',
    ]);
  });

  it('wraps a statement at spaces, cuts a word longer than a line, and ends a long one in an ellipsis', () => {
    expect(wrapLabel('The CSTO came because the regime faced a popular uprising')).toEqual(['The CSTO came because the', 'regime faced a popular', 'uprising']);
    expect(wrapLabel('  short  ')).toEqual(['short']);
    expect(wrapLabel('x'.repeat(LINE_CHARS + 3))).toEqual(['x'.repeat(LINE_CHARS), 'xxx']);
    const long = wrapLabel('word '.repeat(80));
    expect(long).toHaveLength(MAX_LINES);
    expect(long.at(-1)!.endsWith('…')).toBe(true);
    for (const line of long) expect(line.length).toBeLessThanOrEqual(LINE_CHARS);
  });

  it('sizes a node by its lines: same statement, same size', () => {
    expect(nodeSize('one line')).toEqual(nodeSize('one line'));
    expect(nodeSize('word '.repeat(20)).height).toBeGreaterThan(nodeSize('one line').height);
  });

  it('ends an edge on the borders of its boxes, along the line between their centres', () => {
    expect(borderPoint(box(0, 0), 250, 25)).toEqual({ x: 100, y: 25 });
    expect(borderPoint(box(0, 0), 50, -100)).toEqual({ x: 50, y: 0 });
    expect(edgeRoute(box(0, 0), box(0, 200), [])).toEqual([{ x: 50, y: 50 }, { x: 50, y: 200 }]);
  });

  // Segment p→q against the inside of box b (touching its border is not crossing).
  const crosses = (p: { x: number; y: number }, q: { x: number; y: number }, b: Box) => {
    for (let i = 1; i < 100; i++) {
      const [x, y] = [p.x + ((q.x - p.x) * i) / 100, p.y + ((q.y - p.y) * i) / 100];
      if (x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height) return true;
    }
    return false;
  };
  const crossesAny = (route: Array<{ x: number; y: number }>, boxes: Box[]) => route.slice(1).some((q, i) => boxes.some((b) => crosses(route[i]!, q, b)));

  it('takes an edge around a node in its way, on the shorter side, and straight when nothing is', () => {
    // The map a reader drew: a claim in a cluster below supports one at the top; a claim of the
    // top cluster sits between them, a little to the left (the line between centres crossed it).
    const top = box(210, 64, 240, 80);
    const between = box(170, 192, 240, 80);
    const bottom = box(300, 406, 240, 80);
    const route = edgeRoute(bottom, top, [top, between, bottom]);
    expect(route.length).toBe(4);
    expect(crossesAny(route, [between])).toBe(false);
    // Around its right side, the shorter way; the ends on the borders of the two boxes.
    expect(route[1]!.x).toBeGreaterThan(between.x + between.width);
    expect(route[0]!.y).toBe(bottom.y);
    expect(route.at(-1)!.y).toBe(top.y + top.height);
    // Nothing in the way: a straight line.
    expect(edgeRoute(bottom, top, [top, bottom, box(0, 600)])).toHaveLength(2);
  });

  it('routes edges through a crowded map without crossing the nodes it goes around; same boxes, same routes', () => {
    const boxes = new Map<string, Box>();
    for (let row = 0; row < 6; row++) for (let col = 0; col < 5; col++) boxes.set(`n${row}-${col}`, box(col * 260 + (row % 2) * 90, row * 130, 200, 80));
    const edges = [...boxes.keys()].flatMap((id, i, ids) => [{ id: `e${i}`, from: id, to: ids[(i * 7 + 11) % ids.length]! }]).filter((e) => e.from !== e.to);
    const routes = edgeRoutes(edges, boxes);
    let straight = 0;
    let clear = 0;
    for (const e of edges) {
      const r = routes.get(e.id)!;
      const others = [...boxes].filter(([id]) => id !== e.from && id !== e.to).map(([, b]) => b);
      if (r.length === 2) straight++;
      if (!crossesAny(r, others)) clear++;
    }
    // Most routes clear every node; those that need more than four detours may keep a crossing.
    expect(clear / edges.length).toBeGreaterThan(0.9);
    expect(straight).toBeGreaterThan(0);
    expect(edgeRoutes(edges, boxes)).toBe(routes);
    expect(edgeRoutes([...edges], boxes)).not.toBe(routes);
    // A node dragged: its own edges follow it around the others; the rest keep their routes till the drop.
    const moved = edges[3]!.from;
    const now = new Map(boxes).set(moved, box(700, 900, 200, 80));
    const settled = edgeRoutes(edges, boxes);
    const during = dragRoutes(edges, boxes, now, moved);
    for (const e of edges) {
      if (e.from === moved || e.to === moved) expect(during.get(e.id)).toEqual(edgeRoute(now.get(e.from)!, now.get(e.to)!, now.values()));
      else expect(during.get(e.id)).toBe(settled.get(e.id));
    }
  });

  it('moves with an arrow key to the closest node that way, a linked one first, nothing behind', () => {
    const boxes = new Map([
      ['a', box(0, 0)], ['right-near', box(150, 60)], ['right-straight', box(200, 0)], ['below', box(0, 300)], ['far-right', box(900, 0)],
    ]);
    expect(nearestInDirection(boxes, 'a', 'right')).toBe('right-straight');
    expect(nearestInDirection(boxes, 'a', 'down')).toBe('below');
    expect(nearestInDirection(boxes, 'a', 'left')).toBeUndefined();
    expect(nearestInDirection(boxes, 'a', 'up')).toBeUndefined();
    expect(nearestInDirection(boxes, 'a', 'right', new Set(['far-right']))).toBe('far-right');
    expect(nearestInDirection(boxes, 'missing', 'right')).toBeUndefined();
  });

  it('finds the node nearest a box among the ids given, by centre', () => {
    const box = (x: number, y: number): Box => ({ x, y, width: 100, height: 40 });
    const boxes = new Map([['a', box(0, 0)], ['b', box(300, 0)], ['c', box(0, 90)]]);
    expect(nearestTo(box(20, 60), boxes, ['a', 'b', 'c'])).toBe('c');
    expect(nearestTo(box(20, 60), boxes, ['a', 'b'])).toBe('a');
    expect(nearestTo(box(20, 60), boxes, ['missing'])).toBeUndefined();
  });
});
