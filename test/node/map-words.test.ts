import { describe, expect, it } from 'vitest';
import * as words from '../../src/map/words.ts';
import { count, isSymmetric, linkDirection, linkSide, relationMeaning, relationPhrase, RELATION_MEANING, RELATION_WORDS } from '../../src/map/words.ts';
import { LINK_RELATIONS, type Link } from '../../src/store/index.ts';

const link = { relation: 'supports', from: 'A', to: 'B' } as Link;

describe('map/words', () => {
  it('exports its public API', () => {
    expect(Object.keys(words).sort()).toEqual(['RELATION_MEANING', 'RELATION_WORDS', 'STANCE_WORDS', 'claimName', 'count', 'isSymmetric', 'linkDirection', 'linkSide', 'relationMeaning', 'relationPhrase']);
  });

  it('says every relation, and only contradicts is symmetric', () => {
    expect(Object.keys(RELATION_WORDS)).toEqual([...LINK_RELATIONS]);
    expect(Object.keys(RELATION_MEANING)).toEqual([...LINK_RELATIONS]);
    expect(LINK_RELATIONS.filter(isSymmetric)).toEqual(['contradicts']);
  });

  it('says what each relation means, from the claim linked or from the reader\'s', () => {
    expect(RELATION_MEANING).toEqual({
      supports: 'This claim supports the other',
      contradicts: 'This claim and the other contradict each other (both ways)',
      qualifies: 'This claim qualifies the other',
    });
    expect(LINK_RELATIONS.map((r) => relationMeaning(r, 'Your claim', 'this one'))).toEqual([
      'Your claim supports this one',
      'Your claim and this one contradict each other (both ways)',
      'Your claim qualifies this one',
    ]);
  });

  it('reads a link from either end; contradicts has no arrow and no passive', () => {
    expect(linkSide(link, 'A')).toEqual({ words: 'supports →', other: 'B', outgoing: true });
    expect(linkSide(link, 'B')).toEqual({ words: '← supported by', other: 'A', outgoing: false });
    expect(linkSide({ ...link, relation: 'qualifies' }, 'B').words).toBe('← qualified by');
    const contra = { ...link, relation: 'contradicts' } as Link;
    expect(linkSide(contra, 'A')).toEqual({ words: 'contradicts', other: 'B', outgoing: true });
    expect(linkSide(contra, 'B')).toEqual({ words: 'contradicts', other: 'A', outgoing: false });
  });

  it('gives the direction and the verb seen from a claim', () => {
    expect(linkDirection(link, 'A')).toBe('out');
    expect(linkDirection(link, 'B')).toBe('in');
    expect(linkDirection({ ...link, relation: 'contradicts' }, 'B')).toBe('mutual');
    expect(relationPhrase({ link, direction: 'out' })).toBe('supports');
    expect(relationPhrase({ link, direction: 'in' })).toBe('is supported by');
    expect(relationPhrase({ link: { relation: 'qualifies' }, direction: 'in' })).toBe('is qualified by');
    expect(relationPhrase({ link: { relation: 'contradicts' }, direction: 'mutual' })).toBe('contradicts');
  });

  it('counts things', () => {
    expect(count(0, 'link')).toBe('0 links');
    expect(count(1, 'link')).toBe('1 link');
    expect(count(2, 'claim')).toBe('2 claims');
  });
});
