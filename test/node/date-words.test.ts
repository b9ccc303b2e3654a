import { describe, expect, it } from 'vitest';
import * as dateWords from '../../src/store/date-words.ts';
import { formatDate, formatRange } from '../../src/store/date-words.ts';

describe('store/date-words', () => {
  it('exports its public API', () => {
    expect(Object.keys(dateWords).sort()).toEqual(['formatDate', 'formatRange']);
  });

  it('says partial dates', () => {
    expect(formatDate('2020')).toBe('2020');
    expect(formatDate('2005-03')).toBe('March 2005');
    expect(formatDate('2022-01-04')).toBe('4 January 2022');
  });

  it('says date ranges readably, shared parts once', () => {
    expect(formatRange('2022-01-04', '2022-01-06')).toBe('4–6 January 2022');
    expect(formatRange('2020', '2020')).toBe('2020');
    expect(formatRange('2020')).toBe('2020');
    expect(formatRange('2005-03')).toBe('March 2005');
    expect(formatRange('2019', '2020')).toBe('2019–2020');
    expect(formatRange('2022-01', '2022-03')).toBe('January–March 2022');
    expect(formatRange('2021-12', '2022-01')).toBe('December 2021 – January 2022');
    expect(formatRange('2022-01-28', '2022-02-03')).toBe('28 January – 3 February 2022');
    expect(formatRange('2021-12-30', '2022-01-02')).toBe('30 December 2021 – 2 January 2022');
    expect(formatRange('2020-05', '2020')).toBe('May 2020 – 2020');
  });
});
