import { describe, expect, it } from 'vitest';
import { clip } from '../../src/corpus/clip.ts';

describe('clip', () => {
  it('keeps a text that fits, and cuts a longer one after its last whole word, the ellipsis within the limit', () => {
    expect(clip('Security forces stood down', 40)).toBe('Security forces stood down');
    expect(clip('Security forces stood down on purpose', 25)).toBe('Security forces stood…');
    expect(clip('Security forces stood down on purpose', 22)).toBe('Security forces stood…');
    for (const max of [10, 17, 25, 30]) expect(clip('Security forces stood down on purpose', max).length).toBeLessThanOrEqual(max);
  });

  it('drops a comma, colon or dash left before the ellipsis', () => {
    expect(clip('Almaty, the city hall', 9)).toBe('Almaty…');
    expect(clip('Tokayev — in a speech', 11)).toBe('Tokayev…');
  });

  it('cuts inside a word only when no word ends in the second half', () => {
    expect(clip('Antidisestablishmentarianism is long', 12)).toBe('Antidisesta…');
    expect(clip('An extraordinarilylongword follows', 12)).toBe('An extraord…');
  });
});
