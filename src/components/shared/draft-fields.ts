/**
 * The rule an editor follows when the record it edits changes under it (another tab, undo).
 * Pure, so it is tested in Node; `edit-draft.ts` applies it to a form.
 *
 * A field of a draft remembers `base`, the stored value the reader's text started from, and
 * `text`, what the form holds now. When the stored value moves away from `base`:
 * - the reader had not touched the field: it follows the store (their text was the old value);
 * - the reader typed what is now stored: nothing to ask, the draft now starts from it;
 * - otherwise both changed it: the field is in conflict, and the reader's text is kept.
 * A conflict lasts while `base` differs from the stored value, so typing the stored text
 * (copying theirs) settles it too.
 */
import { splitTags } from '../../store/index.ts';

/** One field of a draft. */
export interface FieldState {
  /** The stored value the reader's text is based on. */
  base: string;
  /** What the reader's form holds. */
  text: string;
}

/** How to tell two texts of a field apart; the store trims statements and names and drops blank notes, so by default texts equal after trimming are the same. */
export type SameText = (a: string, b: string) => boolean;

/** Texts equal once surrounding white space is dropped. */
export const sameTrimmed: SameText = (a, b) => a.trim() === b.trim();

/** Tag lists, as typed (comma-separated), that the store would save alike. */
export const sameTags: SameText = (a, b) => splitTags(a).join('\n') === splitTags(b).join('\n');

/** The field after the stored value became `stored` (returns `field` itself when nothing moved). */
export function reconcile(field: FieldState, stored: string, same: SameText = sameTrimmed): FieldState {
  if (same(stored, field.base)) return field;
  if (same(field.text, field.base)) return { base: stored, text: stored };
  if (same(field.text, stored)) return { base: stored, text: field.text };
  return field;
}

/** Whether the field is in conflict with the stored value `stored` (both changed it). */
export function inConflict(field: FieldState, stored: string, same: SameText = sameTrimmed): boolean {
  return !same(stored, field.base);
}

/** Whether the reader's text differs from the stored value, i.e. saving it changes the record. */
export function differs(field: FieldState, stored: string, same: SameText = sameTrimmed): boolean {
  return !same(field.text, stored);
}
