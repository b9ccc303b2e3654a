import { describe, expect, it } from 'vitest';
import { bytes, readSoFar } from '../../src/components/shared/bytes.ts';

describe('sizes in words', () => {
  it('says a size in KB, MB or GB, never "0.0 MB"', () => {
    expect([0, 1400, 512 * 1024, 5 * 1024 * 1024 + 1, 3 * 1024 ** 3].map(bytes)).toEqual(['1 KB', '1 KB', '512 KB', '5.0 MB', '3.0 GB']);
  });

  it('says how far a read has got only for files that take a while (a megabyte or more)', () => {
    expect(readSoFar(700, 1400)).toBe('');
    expect(readSoFar(1024 * 1024, 4 * 1024 * 1024)).toBe('1.0 MB of 4.0 MB');
    expect(readSoFar(200 * 1024, 2 * 1024 * 1024)).toBe('200 KB of 2.0 MB');
  });
});
