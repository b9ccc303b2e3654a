import { describe, it, expect } from 'vitest';
import * as geometry from '../../src/components/map/geometry.ts';
import { borderPoint, edgeEnds, LINE_CHARS, MAX_LINES, nearestInDirection, nodeSize, wrapLabel, type Box } from '../../src/components/map/geometry.ts';

const box = (x: number, y: number, width = 100, height = 50): Box => ({ x, y, width, height });

describe('map view geometry', () => {
  it('exports its public API', () => {
    expect(Object.keys(geometry).sort()).toEqual([
      'HEAD', 'LINE_CHARS', 'LINE_HEIGHT', 'MAX_LINES', 'NODE_WIDTH', 'borderPoint', 'edgeEnds', 'nearestInDirection', 'nodeSize', 'wrapLabel',
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
    expect(edgeEnds(box(0, 0), box(0, 200))).toEqual({ x1: 50, y1: 50, x2: 50, y2: 200 });
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
});
