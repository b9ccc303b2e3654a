import { describe, expect, it } from 'vitest';
import { addedKinds } from '../../src/components/exchange/added-kinds.ts';
import type { StoreDiff } from '../../src/store/index.ts';

const adding = (counts: Record<string, number>): StoreDiff =>
  Object.fromEntries(Object.entries(counts).map(([c, n]) => [c, { added: Object.fromEntries(Array.from({ length: n }, (_, i) => [`${c}${i}`, {}])), updated: {}, removed: {} }]));

describe('what an import adds, in words', () => {
  it('names each kind with its count, claims first, passages for annotations', () => {
    expect(addedKinds(adding({ annotations: 9, events: 1, links: 1, claims: 5 }))).toBe('5 claims, 1 link, 1 event and 9 passages');
    expect(addedKinds(adding({ annotations: 2, claims: 1 }))).toBe('1 claim and 2 passages');
    expect(addedKinds(adding({ sources: 1 }))).toBe('1 source');
    expect(addedKinds(adding({ claims: 0 }))).toBe('');
    expect(addedKinds({})).toBe('');
  });
});
