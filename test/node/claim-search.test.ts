import { describe, expect, it } from 'vitest';
import * as search from '../../src/search/claim-search.ts';
import { normalise, searchClaims, searchable } from '../../src/search/claim-search.ts';
import type { Claim } from '../../src/store/index.ts';

const claim = (id: string, statement: string, tags: string[] = []): Claim => ({
  id, type: 'Claim', statement, tags, events: [], evidence: [], creator: { type: 'Person', name: 'T' }, created: id, modified: id, layer: 'urn:uuid:00000000-0000-4000-8000-000000000000', version: {},
});

const items = [
  searchable(claim('a', 'The violence in Almaty was organised by elites fighting each other', ['violence', 'Almaty']), ['Almaty’s security forces were stood down']),
  searchable(claim('b', 'The CSTO came because the regime faced a popular uprising', ['CSTO']), ['CSTO-led peacekeepers arrived']),
  searchable(claim('c', 'Kazakhstan frames terrorism as an external threat', ['terrorism']), ['Tokayev’s speech named terrorists']),
  searchable(claim('d', 'Rival elites organised the Almaty violence', ['elites']), []),
];
const ids = (query: string) => searchClaims(items, query).map((m) => m.claim.id);

describe('search/claim-search', () => {
  it('exports its public API', () => {
    expect(Object.keys(search).sort()).toEqual(['normalise', 'searchClaims', 'searchable']);
  });

  it('normalises case, accents and punctuation', () => {
    expect(normalise('  ÁLMATY,  violence!  ')).toBe('almaty violence');
    expect(normalise('CSTO-led')).toBe('csto led');
  });

  it('matches every word, ignoring case, accents and punctuation; statement hits rank first', () => {
    expect(ids('ÁLMATY, violence').sort()).toEqual(['a', 'd']);
    // Both statements say "elites"; the earlier position ranks first.
    expect(ids('elites')).toEqual(['d', 'a']);
    expect(ids('almaty nonsenseword')).toEqual([]);
    expect(ids('')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('finds words inside words, and says which field matched', () => {
    expect(ids('tokayev')).toEqual(['c']);
    expect(searchClaims(items, 'tokayev')[0]!.field).toBe('quotes');
    expect(searchClaims(items, 'terrorism')[0]!.field).toBe('statement');
    expect(searchClaims(items, 'peacekeepers csto')[0]!.field).toBe('quotes');
    expect(searchClaims(items, 'elites')[0]!.field).toBe('statement');
    expect(ids('stood')).toEqual(['a']);
  });
});
