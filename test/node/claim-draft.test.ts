import { describe, expect, it } from 'vitest';
import * as draft from '../../src/annotate/claim-draft.ts';
import { claimFromQuote, STATEMENT_DRAFT_LENGTH } from '../../src/annotate/claim-draft.ts';

describe('annotate/claim-draft', () => {
  it('exports its public API', () => {
    expect(Object.keys(draft).sort()).toEqual(['STATEMENT_DRAFT_LENGTH', 'claimFromQuote']);
    expect(STATEMENT_DRAFT_LENGTH).toBe(200);
  });

  it('takes the first sentence, on one line', () => {
    expect(claimFromQuote('  Forces stood down. Then they came back!  ')).toBe('Forces stood down.');
    expect(claimFromQuote('Why? Because.')).toBe('Why?');
    expect(claimFromQuote('No full stop at all')).toBe('No full stop at all');
    expect(claimFromQuote('A line\nbroken  in two')).toBe('A line broken in two');
    expect(claimFromQuote('')).toBe('');
  });

  it('keeps a sentence that fits, exactly up to the limit', () => {
    const fits = 'word '.repeat(40).trim(); // 199 characters
    expect(claimFromQuote(fits)).toBe(fits);
    expect(claimFromQuote(`${fits}x`)).toBe(`${fits}x`); // 200
  });

  it('cuts a long sentence after the last whole word that fits, never mid-word', () => {
    const long = 'Almaty security forces were stood down on purpose '.repeat(6).trim();
    const out = claimFromQuote(long);
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out.endsWith('…')).toBe(true);
    const kept = out.slice(0, -1);
    expect(long.startsWith(kept)).toBe(true);
    expect(long.charAt(kept.length)).toBe(' '); // the cut is at a word boundary
    expect(claimFromQuote('aaaa bbbb cccc', 9)).toBe('aaaa…'); // "bbbb" does not fit whole
    expect(claimFromQuote('aaaa bbbb cccc', 10)).toBe('aaaa bbbb…'); // the first character left out is a space
    expect(claimFromQuote('aaaa bbbb cccc', 11)).toBe('aaaa bbbb…');
  });

  it('drops a dangling comma or dash before the ellipsis', () => {
    expect(claimFromQuote('aaaa, bbbb cccc', 8)).toBe('aaaa…');
    expect(claimFromQuote('aaaa – bbbb cccc', 9)).toBe('aaaa…');
  });

  it('cuts a single overlong word where it must', () => {
    expect(claimFromQuote('x'.repeat(300))).toBe(`${'x'.repeat(199)}…`);
  });
});
