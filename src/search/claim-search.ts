/**
 * Finding claims by what a reader remembers of them: words of the statement,
 * a tag, or words of a quoted passage. A normalised substring match (case,
 * accents and punctuation ignored; every word typed must occur somewhere),
 * ranked by where the words occur. Pure.
 *
 * Why not the search box's index (`search-index.ts`): the picker filters a
 * list, it does not search a library. It lists every claim on an empty query,
 * leaves out the claims a dialog excludes, matches words inside words ("led"
 * in "CSTO-led") and the quotes of each claim's evidence, which that index
 * does not hold (a claim's document would then change with every passage it
 * cites); and it works in any dialog, with no index to build or share. A scan
 * of hundreds of claims per keystroke takes well under a millisecond. Both
 * normalise text one way (`terms.ts`), so a word matches alike in both.
 */
import type { Claim } from '../store/index.ts';
import { normalise } from './terms.ts';

export { normalise };

/** What a claim is found by. */
export interface Searchable {
  claim: Claim;
  statement: string;
  tags: string;
  quotes: string;
}

/** A claim's searchable text; `quotes` are the exact texts of its evidence passages. */
export function searchable(claim: Claim, quotes: readonly string[]): Searchable {
  return { claim, statement: normalise(claim.statement), tags: normalise(claim.tags.join(' ')), quotes: normalise(quotes.join(' ')) };
}

/** Where a claim matched: what the picker shows under the statement. */
export type MatchField = 'statement' | 'tags' | 'quotes';

/** A found claim. */
export interface Match {
  claim: Claim;
  /** The weakest field a word was found in only (quotes < tags < statement). */
  field: MatchField;
  score: number;
}

/**
 * Claims containing every word of `query`, best first: words in the statement
 * count most, then tags, then quotes; earlier positions break ties, then age.
 * An empty query matches everything in the given order.
 */
export function searchClaims(items: readonly Searchable[], query: string): Match[] {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return items.map((i) => ({ claim: i.claim, field: 'statement', score: 0 }));
  const found: Match[] = [];
  for (const item of items) {
    let score = 0;
    let field: MatchField = 'statement';
    let ok = true;
    for (const w of words) {
      const s = item.statement.indexOf(w);
      if (s >= 0) {
        score += 100 - Math.min(s, 99) / 100;
        continue;
      }
      if (item.tags.includes(w)) {
        score += 50;
        if (field === 'statement') field = 'tags';
        continue;
      }
      if (item.quotes.includes(w)) {
        score += 10;
        field = 'quotes';
        continue;
      }
      ok = false;
      break;
    }
    if (ok) found.push({ claim: item.claim, field, score });
  }
  return found.sort((a, b) => b.score - a.score);
}
