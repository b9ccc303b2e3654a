import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import type { DocMeta } from './types.ts';
import { citeLabel } from './citation.ts';

export { citeLabel } from './citation.ts';

/** Front matter as written in corpus/*.md (docs/corpus-format.md). Every field is optional so
 * that a user's own file opens too; the corpus test requires the full set. */
export const FrontMatterSchema = v.object({
  id: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'id must be a lower-case slug'))),
  title: v.optional(v.string()),
  authors: v.optional(v.array(v.string())),
  venue: v.optional(v.string()),
  url: v.optional(v.pipe(v.string(), v.url('url must be a web address'))),
  year: v.optional(v.number()),
  date: v.optional(v.union([v.string(), v.date()])),
  kind: v.optional(v.string()),
  raw: v.optional(v.string()),
  note: v.optional(v.string()),
  repairs: v.optional(v.array(v.looseObject({ kind: v.string() }))),
});

/** Parsed, validated front matter. */
export type FrontMatter = v.InferOutput<typeof FrontMatterSchema>;

/** Front matter that cannot be read: not YAML, or a field of the wrong kind (`field`). */
export class FrontMatterError extends Error {
  constructor(message: string, readonly field?: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** Parse YAML front matter; throws a FrontMatterError naming the file and the offending field. */
export function parseFrontMatter(yaml: string, fileName = 'document'): FrontMatter {
  let data: unknown;
  try {
    data = parseYaml(yaml) ?? {};
  } catch (e) {
    throw new FrontMatterError(`${fileName}: front matter is not valid YAML (${(e as Error).message})`, undefined, { cause: e });
  }
  const result = v.safeParse(FrontMatterSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new FrontMatterError(`${fileName}: front matter field "${path}": ${issue.message}`, path);
  }
  return result.output;
}

/** Words per minute for the reading-time estimate (adult non-fiction reading). */
const WPM = 230;

/** Complete metadata from front matter, fallbacks and the document's plain text. */
export function buildMeta(fm: FrontMatter, text: string, fallback: { id: string; title: string }): DocMeta {
  const wordCount = text.match(/\S+/g)?.length ?? 0;
  const authors = fm.authors ?? [];
  const date = fm.date instanceof Date ? fm.date.toISOString().slice(0, 10) : fm.date;
  const year = fm.year ?? (date ? Number(date.slice(0, 4)) : undefined);
  const meta: DocMeta = {
    id: fm.id ?? fallback.id,
    title: fm.title ?? fallback.title,
    authors,
    venue: fm.venue ?? '',
    kind: fm.kind ?? 'document',
    cite: citeLabel(authors, year),
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WPM)),
  };
  if (year !== undefined) meta.year = year;
  if (date) meta.date = date;
  if (fm.url) meta.url = fm.url;
  if (fm.raw) meta.raw = fm.raw;
  if (fm.note) meta.note = fm.note;
  if (fm.repairs) meta.repairs = fm.repairs;
  return meta;
}
