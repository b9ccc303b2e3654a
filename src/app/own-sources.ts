/**
 * Sources the reader adds to the library (ADR 0014), between the form and the store: the text
 * goes through the same worker, checks and pipeline as a file opened to read (`open-file.ts`),
 * so an added source is refused for the same reasons and renders — and anchors — exactly as it
 * will when opened again; its id and hash come from that rendering. Also the library entry of a
 * stored source and the one merged list of sources every view reads.
 */
import { citeLabel } from '../corpus/citation.ts';
import { slugify, userSourceId } from '../corpus/source-id.ts';
import type { DocMeta, DocModel } from '../corpus/types.ts';
import { decodeText } from '../corpus/user-file/sniff.ts';
import { MAX_SOURCE_CHARS, type SourceDraft, type SourceRecord } from '../store/index.ts';
import type { LibraryEntry } from './corpus-client.ts';
import { fileFormat, openUserFile, type OpenOptions } from './open-file.ts';

/** What the reader gives in the "Add a source" form: a file, or pasted text read as `format`. */
export interface SourceInput {
  file?: File;
  pasted?: { text: string; format: SourceRecord['format'] };
  title: string;
  authors: readonly string[];
  year?: number;
}

/** The kind shown for a source the reader added. */
export const OWN_KIND = 'your source';

const MB = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/**
 * Checks and renders the reader's text; resolves with the draft to store, or rejects with an
 * Error whose message is fit for the reader (or an AbortError when `options.signal` aborts).
 */
export async function prepareSource(input: SourceInput, options: OpenOptions = {}): Promise<SourceDraft> {
  const title = input.title.trim();
  if (!title) throw new Error('Give the source a title.');
  const file = input.file ?? pastedFile(input.pasted);
  const format = fileFormat(file);
  if (!format) throw new Error(`“${file.name}” is not a Markdown (.md) or plain-text (.txt) file.`);
  if (file.size > MAX_SOURCE_CHARS) throw new Error(`${input.file ? `“${file.name}”` : 'The pasted text'} is ${MB(file.size)}; a source can be at most ${MB(MAX_SOURCE_CHARS)}.`);
  const doc = await openUserFile(file, options);
  // The worker has read and checked the bytes; decoding them here again gives the text to keep.
  const decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
  if ('problem' in decoded) throw new Error(`“${file.name}” ${decoded.problem}.`);
  if (decoded.text.length > MAX_SOURCE_CHARS) throw new Error(`“${file.name}” is longer than ${MB(MAX_SOURCE_CHARS)} of text; a source can be at most that.`);
  return {
    id: userSourceId(slugify(title), doc.text),
    title,
    authors: input.authors.map((a) => a.trim()).filter(Boolean),
    ...(input.year !== undefined ? { year: input.year } : {}),
    format,
    text: decoded.text,
    hash: doc.hash,
  };
}

function pastedFile(pasted: SourceInput['pasted']): File {
  if (!pasted || !pasted.text.trim()) throw new Error('Choose a file or paste the text of the source.');
  const markdown = pasted.format === 'markdown';
  return new File([pasted.text], markdown ? 'pasted text.md' : 'pasted text.txt', { type: markdown ? 'text/markdown' : 'text/plain' });
}

/** A stored source as the library lists it. Words are counted on the text as given (Markdown marks aside). */
export function sourceEntry(record: SourceRecord): LibraryEntry {
  const prose = record.format === 'markdown' ? record.text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/[#>*_`|[\]()-]+/g, ' ') : record.text;
  const wordCount = prose.match(/\S+/g)?.length ?? 0;
  return { ...citationMeta(record), wordCount, readingMinutes: Math.max(1, Math.round(wordCount / 230)), hash: record.hash };
}

function citationMeta(record: SourceRecord): Omit<DocMeta, 'wordCount' | 'readingMinutes'> {
  return {
    id: record.id,
    title: record.title,
    authors: record.authors,
    venue: '',
    kind: OWN_KIND,
    cite: citeLabel(record.authors, record.year),
    ...(record.year !== undefined ? { year: record.year } : {}),
  };
}

/**
 * The one list of sources: the corpus index's, in its order, then the reader's own by when
 * they were added, then files opened in this tab that are not stored (the same text under the
 * same name is one source, listed once).
 */
export function libraryEntries(builtIn: readonly LibraryEntry[], own: Iterable<SourceRecord>, opened: readonly LibraryEntry[] = []): LibraryEntry[] {
  const stored = [...own].sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id)).map(sourceEntry);
  const ids = new Set([...builtIn, ...stored].map((e) => e.id));
  return [...builtIn, ...stored, ...opened.filter((e) => !ids.has(e.id))];
}

/**
 * Document models of stored sources, rendered in the worker once per text; the model carries
 * the record's title, authors and year, not whatever its text's header says.
 */
export class OwnSourceDocs {
  // The text rendered once per hash; the model with the record's details once per version of
  // the record (records are never changed in place: an edit of the title is a new record).
  readonly #docs = new Map<string, { hash: string; text: Promise<DocModel>; record: SourceRecord; doc: Promise<DocModel> }>();

  /** The model of `record`'s text, rendered on first use, named and cited as `record` is now. */
  document(record: SourceRecord): Promise<DocModel> {
    const known = this.#docs.get(record.id);
    if (known?.record === record) return known.doc;
    const text = known?.hash === record.hash ? known.text : this.#render(record);
    const doc = text.then((d) => ({ ...d, meta: { ...citationMeta(record), wordCount: d.meta.wordCount, readingMinutes: d.meta.readingMinutes } }));
    this.#docs.set(record.id, { hash: record.hash, text, record, doc });
    return doc;
  }

  #render(record: SourceRecord): Promise<DocModel> {
    const file = new File([record.text], record.format === 'markdown' ? `${record.id}.md` : `${record.id}.txt`, {
      type: record.format === 'markdown' ? 'text/markdown' : 'text/plain',
    });
    const text = openUserFile(file);
    text.catch(() => this.#docs.delete(record.id)); // a failure may be retried
    return text;
  }
}
