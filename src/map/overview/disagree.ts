/**
 * Links where a student reads a pair of claims otherwise than the instructor. For each of the
 * instructor's links A → B (relation R), a student's link counts as between the same claims
 * when it joins A and B themselves (students may link to the instructor's claims) or claims
 * shared with them (`shared.ts`); it disagrees when its relation is another. A link the other
 * way round (B → A) is the same pair only when one of the two relations has no direction
 * (`contradicts`): "B supports A" against "A contradicts B" disagrees, while "B supports A"
 * against "A supports B" is a different statement, not a disagreement. Pure.
 */
import type { Link } from '../../store/index.ts';
import { isSymmetric } from '../words.ts';

/** A student's link that reads an instructor's pair of claims otherwise. */
export interface Disagreement {
  instructor: Link;
  student: Link;
  /** True when the student's link runs from B to A. */
  reversed: boolean;
}

/**
 * The disagreements, in the order of the instructor's links (oldest first), then the students'.
 * `equivalents(id)` lists the claims that count as claim `id` (itself included).
 */
export function disagreeingLinks(
  links: readonly Link[],
  instructor: string,
  students: ReadonlySet<string>,
  equivalents: (claim: string) => ReadonlySet<string>,
): Disagreement[] {
  const byCreated = (a: Link, b: Link) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id);
  const theirs = links.filter((l) => students.has(l.layer)).sort(byCreated);
  const out: Disagreement[] = [];
  for (const mine of links.filter((l) => l.layer === instructor).sort(byCreated)) {
    const [a, b] = [equivalents(mine.from), equivalents(mine.to)];
    for (const s of theirs) {
      if (a.has(s.from) && b.has(s.to)) {
        if (s.relation !== mine.relation) out.push({ instructor: mine, student: s, reversed: false });
      } else if (b.has(s.from) && a.has(s.to) && (isSymmetric(mine.relation) || isSymmetric(s.relation)) && s.relation !== mine.relation) {
        out.push({ instructor: mine, student: s, reversed: true });
      }
    }
  }
  return out;
}
