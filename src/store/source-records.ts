/**
 * A source the reader added to the library (ADR 0014): the text itself, as they gave it, with
 * what a citation needs. Built-in sources are the corpus index's; these are records, stored,
 * undone and exchanged like any other. Pure.
 */
import { modifiedAt, type BuildContext, type Version } from './record-base.ts';

/** Largest text kept, in UTF-16 units: a long monograph chapter fits; a pasted book does not. */
export const MAX_SOURCE_CHARS = 2 * 1024 * 1024;
/** Longest title accepted. */
export const MAX_SOURCE_TITLE = 300;
/** Most authors accepted. */
export const MAX_SOURCE_AUTHORS = 50;

/** How a source's text is read: Markdown, or plain text split into paragraphs at blank lines. */
export type SourceFormat = 'markdown' | 'text';

/** Pattern of an added source's id: `user-<slug of its title>-<10 characters of its text's hash>`. */
export const SOURCE_ID_PATTERN = /^user-[a-z0-9-]*[a-z0-9]-[0-9a-z]{10}$/;

/** A source the reader added. */
export interface SourceRecord {
  /** `user-<title slug>-<hash>`: the route (`#/read/<id>`) and every annotation's `target.source`. */
  id: string;
  type: 'Source';
  title: string;
  authors: string[];
  year?: number;
  format: SourceFormat;
  /** The text as given (Markdown or plain); rendered by the corpus pipeline when opened. */
  text: string;
  /** Content hash of the rendered plain text (`DocModel.hash`), as for the built-in sources. */
  hash: string;
  created: string;
  modified: string;
  /** Whose library it came from (ADR 0004); only that layer's reader may remove it. */
  layer: string;
  version: Version;
}

/** What the reader gives to add a source; `id` and `hash` come from rendering its text. */
export interface SourceDraft {
  id: string;
  title: string;
  authors?: readonly string[];
  year?: number;
  format: SourceFormat;
  text: string;
  hash: string;
}

/** A complete source record from a draft (authors trimmed, blanks dropped). */
export function buildSource(draft: SourceDraft, ctx: Omit<BuildContext, 'id' | 'creatorName'>): SourceRecord {
  const authors = draft.authors?.map((a) => a.trim()).filter(Boolean) ?? [];
  return {
    id: draft.id,
    type: 'Source',
    title: draft.title.trim(),
    authors,
    ...(draft.year !== undefined ? { year: draft.year } : {}),
    format: draft.format,
    text: draft.text,
    hash: draft.hash,
    created: ctx.now,
    modified: ctx.now,
    layer: ctx.layer,
    version: {},
  };
}

/** What may change of an added source after it was added: how it is named and cited. Its text
 * may not: the id, the hash and every passage's place depend on it. `year: null` removes it. */
export interface SourceChange {
  title?: string;
  authors?: readonly string[];
  year?: number | null;
}

/** `source` with `change` made (trimmed as when built), modified at `now`. */
export function changeSource(source: SourceRecord, change: SourceChange, now: string): SourceRecord {
  const { year: _year, ...rest } = source;
  const year = change.year === undefined ? source.year : (change.year ?? undefined);
  return {
    ...rest,
    title: change.title?.trim() ?? source.title,
    authors: change.authors ? change.authors.map((a) => a.trim()).filter(Boolean) : source.authors,
    ...(year !== undefined ? { year } : {}),
    modified: modifiedAt(source, now),
  };
}
