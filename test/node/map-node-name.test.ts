import { describe, expect, it } from 'vitest';
import { nodeName, type DrawnNode } from '../../src/components/map/map-draw.ts';

const node = (statement: string): DrawnNode => ({ id: 'c', statement, lines: [statement], sources: [{ id: 's', cite: 'Anisin 2026' } as DrawnNode['sources'][number]], passages: 1, against: false, links: 2 });

describe('nodeName', () => {
  it('ends the statement with one stop, whether or not it has its own', () => {
    expect(nodeName(node('The provocateurs were instigated by the Nazarbayev family.'))).toBe('The provocateurs were instigated by the Nazarbayev family. Sources: Anisin 2026. 1 passage. 2 links.');
    expect(nodeName(node('Security forces were stood down'))).toBe('Security forces were stood down. Sources: Anisin 2026. 1 passage. 2 links.');
    expect(nodeName(node('Was it a coup?'))).toMatch(/^Was it a coup\? Sources/);
    expect(nodeName(node('He said “it was planned.”'))).toMatch(/planned\.” Sources/);
  });
});
