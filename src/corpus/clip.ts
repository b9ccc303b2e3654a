/**
 * Cutting a text short for a line of the interface (a drafted statement, a snippet, a quote in
 * a message): one rule everywhere, so a cut reads the same in every view. Pure.
 */

/** Marks that read badly right before an ellipsis. */
const DANGLING = /[\s,;:\u2013\u2014-]+$/;

/**
 * `text` when it fits in `max` characters; else cut after the last whole word that fits (the
 * ellipsis counts in `max`), with marks that would dangle before it dropped, and "…". When no
 * word ends in the second half, it is cut where it must be: a long word is not lost whole.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  // The cut falls between words when the first character left out is a space.
  const space = text.charAt(max - 1) === ' ' ? head.length : head.lastIndexOf(' ');
  const words = (space >= (max - 1) / 2 ? head.slice(0, space) : head).replace(DANGLING, '');
  return `${words || head}…`;
}
