import { describe, expect, it } from 'vitest';
import { freeColour, layersOf, type Setting } from '../../src/store/index.ts';

const rec = (layer: string, name: string) => ({ layer, creator: { type: 'Person' as const, name } });

describe('layersOf', () => {
  it('lists the own layer first, stored layers by name, and names unknown layers after their creator', () => {
    const settings: Setting[] = [
      { id: 'layer:b', value: { name: 'Zed', role: 'instructor', colour: 1, hidden: true } },
      { id: 'creatorName', value: 'Me' },
    ];
    const views = layersOf({
      settings,
      annotations: [rec('me', 'Me'), rec('c', 'Carol')] as never,
      claims: [rec('b', 'Zed'), rec('b', 'Zed')] as never,
      links: [], events: [],
    }, 'me', 'Me');
    expect(views.map((v) => [v.id, v.name, v.colour, v.hidden, v.local])).toEqual([
      ['me', 'Me', 0, false, true],
      ['c', 'Carol', 2, false, false],
      ['b', 'Zed', 1, true, false],
    ]);
    expect(views[2]!.counts.claims).toBe(2);
  });

  it('gives the first free palette slot', () => {
    expect(freeColour([])).toBe(1);
    expect(freeColour([{ colour: 1 }, { colour: 3 }] as never)).toBe(2);
  });
});
