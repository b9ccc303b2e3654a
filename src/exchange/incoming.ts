/**
 * A file someone hands the reader, whatever it is: a Crossread claim map, a Hypothesis export
 * or W3C Web Annotations. Tells which from its content (not its name), reads it with the
 * matching reader, and says what it holds in the reader's words. Pure.
 */
import type { DocModel } from '../corpus/types.ts';
import type { IncomingBatch } from '../store/index.ts';
import type { ForeignReport } from './foreign.ts';
import { readHypothesis } from './hypothesis/read.ts';
import { BACKUP_FORMAT, readBackup } from './map-file/backup.ts';
import { MAP_FORMAT, type MapFile } from './map-file/format.ts';
import { readMapFile, type Held, type MapFileProblem, type ReadContext } from './map-file/read.ts';
import { reanchor, type Reanchored } from './map-file/reanchor.ts';
import { readW3c } from './w3c/read.ts';

export type IncomingKind = 'crossread-map' | 'crossread-backup' | 'hypothesis' | 'w3c' | 'unknown';

/** Which kind of file `text` is, from a look at its start (a whole parse comes later, checked). */
export function sniffKind(text: string): IncomingKind {
  const head = text.slice(0, 4096);
  // Our own marker anywhere (a hand-edited map may move it); inside a string its quotes would be escaped.
  if (new RegExp(`"format"\\s*:\\s*"${BACKUP_FORMAT}"`).test(head)) return 'crossread-backup';
  if (new RegExp(`"format"\\s*:\\s*"${MAP_FORMAT}"`).test(text)) return 'crossread-map';
  if (/"rows"\s*:/.test(head) || /hypothes\.is|"user"\s*:\s*"acct:/.test(head)) return 'hypothesis';
  if (/anno\.jsonld|"Annotation(Collection|Page)?"/.test(head)) return 'w3c';
  return 'unknown';
}

export type Incoming =
  | { ok: true; kind: Exclude<IncomingKind, 'unknown'>; batch: IncomingBatch; map?: MapFile; maps?: MapFile[]; findings: string[] }
  | { ok: false; kind: IncomingKind; problems: MapFileProblem[]; more: number };

/** What the importer may rely on: the library's sources and what the store holds. */
export interface IncomingContext {
  docs: readonly DocModel[];
  has(collection: Held, id: string): boolean;
  /** The hash Crossread gives a carried source's text (see ReadContext.hashOf). */
  hashOf: ReadContext['hashOf'];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Up to five quotes of passages not found, each cut at 80 characters. */
const quotes = (orphans: ForeignReport['orphans']) => `${orphans.slice(0, 5).map((o) => `\u201c${o.quote.slice(0, 80)}\u201d`).join('; ')}${orphans.length > 5 ? '; …' : ''}`;

/** What a foreign file held besides the passages placed, each said once. */
export function findings(r: ForeignReport): string[] {
  const out: string[] = [];
  if (r.authors.length) out.push(`By ${r.authors.map((a) => `${a.name} (${plural(a.rows, 'passage')})`).join(', ')}; each author becomes a layer.`);
  if (r.fuzzy) out.push(`${plural(r.fuzzy, 'passage')} placed by an approximate match of the quote.`);
  if (r.orphans.length) out.push(`${plural(r.orphans.length, 'passage')} not found in the text: ${quotes(r.orphans)}`);
  if (r.pageNotes) out.push(`${plural(r.pageNotes, 'page note')} (on a page as a whole, not a passage) not imported.`);
  if (r.replies) out.push(`${plural(r.replies, 'reply', 'replies')} not imported.`);
  for (const p of r.otherPages) out.push(`${plural(p.rows, 'annotation')} on another page (${p.uri}) not imported.`);
  for (const i of r.invalid) out.push(`Skipped: ${i.problem}`);
  return out;
}

/** What the current texts make of a map's passages made on other versions of them. */
export function reanchorFindings(r: Reanchored): string[] {
  const out: string[] = [];
  if (r.fuzzy) out.push(`${plural(r.fuzzy, 'passage')} made on another version of the text found by an approximate match of the quote; the reader offers to review them.`);
  if (r.orphans.length) out.push(`${plural(r.orphans.length, 'passage')} not found in this version of the text, imported all the same and listed in the reader to re-attach: ${quotes(r.orphans)}`);
  return out;
}

/** Reads any file the importer knows. */
export function readIncoming(text: string, ctx: IncomingContext): Incoming {
  const kind = sniffKind(text);
  const refuse = (message: string): Incoming => ({ ok: false, kind, problems: [{ path: '', message }], more: 0 });
  switch (kind) {
    case 'crossread-map': {
      const r = readMapFile(text, { sources: ctx.docs.map((d) => ({ id: d.meta.id, hash: d.hash })), has: (c, id) => ctx.has(c, id), hashOf: ctx.hashOf });
      return r.ok ? { ok: true, kind, batch: r.batch, map: r.file, findings: [...r.notes, ...reanchorFindings(reanchor(r.file.annotations, ctx.docs))] } : { ok: false, kind, problems: r.problems, more: r.more };
    }
    case 'crossread-backup': {
      const r = readBackup(text, { sources: ctx.docs.map((d) => ({ id: d.meta.id, hash: d.hash })), has: (c, id) => ctx.has(c, id), hashOf: ctx.hashOf });
      const layers = r.ok ? r.maps.map((m) => `${m.layer.name} (${m.claims.length} claims)`) : [];
      const moved = r.ok ? reanchorFindings(reanchor(r.maps.flatMap((m) => m.annotations), ctx.docs)) : [];
      return r.ok ? { ok: true, kind, batch: r.batch, maps: r.maps, findings: [`Layers: ${layers.join('; ')}.`, ...r.notes, ...moved] } : { ok: false, kind, problems: r.problems, more: r.more };
    }
    case 'hypothesis': {
      const r = readHypothesis(text, ctx.docs);
      return r.ok ? { ok: true, kind, batch: r.batch, findings: findings(r.report) } : refuse(r.problem);
    }
    case 'w3c': {
      const r = readW3c(text, ctx.docs);
      return r.ok ? { ok: true, kind, batch: r.batch, findings: findings(r.report) } : refuse(r.problem);
    }
    case 'unknown':
      return refuse('Crossread cannot read this file: it is not a Crossread claim map, a Hypothesis export or a W3C Web Annotation file.');
  }
}
