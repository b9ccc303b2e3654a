/**
 * User text placed in Markdown so it reads as written and never as markup: no emphasis, link,
 * raw HTML or heading can come from a statement, note, tag or quote. CommonMark lets a
 * backslash escape any ASCII punctuation; only what Markdown would act on is escaped, so the
 * file stays readable as plain text. Pure.
 */

/** One line of inline text (line breaks become spaces). */
export function mdInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~#!]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^[-+=]/, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A block quote of `text`, one `>` line per paragraph of it. */
export function mdQuote(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => `> ${mdInline(p)}`)
    .join('\n>\n');
}
