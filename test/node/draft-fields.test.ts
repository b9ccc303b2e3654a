import { describe, expect, it } from 'vitest';
import * as draft from '../../src/components/shared/draft-fields.ts';
import { differs, inConflict, reconcile, sameTags, sameTrimmed } from '../../src/components/shared/draft-fields.ts';

describe('a draft field when the stored value moves under the editor', () => {
  it('exports its public API', () => {
    expect(Object.keys(draft).sort()).toEqual(['differs', 'inConflict', 'reconcile', 'sameTags', 'sameTrimmed']);
  });

  it('stays as it is while the stored value has not moved (the same object)', () => {
    const f = { base: 'old', text: 'typed' };
    expect(reconcile(f, 'old')).toBe(f);
    expect(reconcile(f, '  old ')).toBe(f);
    expect(inConflict(f, 'old')).toBe(false);
  });

  it('follows the store when the reader had not touched the field', () => {
    const f = reconcile({ base: 'old', text: 'old' }, 'theirs');
    expect(f).toEqual({ base: 'theirs', text: 'theirs' });
    expect(inConflict(f, 'theirs')).toBe(false);
    expect(differs(f, 'theirs')).toBe(false);
  });

  it('keeps the reader’s text, without asking, when the store now holds what they typed', () => {
    const f = reconcile({ base: 'old', text: 'same words ' }, 'same words');
    expect(f).toEqual({ base: 'same words', text: 'same words ' });
    expect(inConflict(f, 'same words')).toBe(false);
  });

  it('keeps the reader’s text and is in conflict when both changed it, until one side gives way', () => {
    const mine = { base: 'old', text: 'mine' };
    const f = reconcile(mine, 'theirs');
    expect(f).toBe(mine);
    expect(inConflict(f, 'theirs')).toBe(true);
    expect(differs(f, 'theirs')).toBe(true);
    // The reader copies theirs into the field: settled.
    expect(inConflict(reconcile({ ...f, text: 'theirs' }, 'theirs'), 'theirs')).toBe(false);
    // Another tab goes back to the text the edit started from: nothing moved any more.
    expect(inConflict(reconcile(f, 'old'), 'old')).toBe(false);
  });

  it('compares texts as the store saves them', () => {
    expect(sameTrimmed(' a\n', 'a')).toBe(true);
    expect(sameTrimmed('a', 'b')).toBe(false);
    expect(sameTags('violence,  Almaty,', 'violence, Almaty')).toBe(true);
    expect(sameTags('Almaty, violence', 'violence, Almaty')).toBe(false);
    const f = reconcile({ base: 'a, b', text: 'a, b, c' }, 'a,b', sameTags);
    expect(f).toEqual({ base: 'a, b', text: 'a, b, c' });
  });
});
