/**
 * Writing a claim-map file: one layer's records and the sources they refer to. A source the
 * reader added travels whole — its text as given, format and record fields — so the receiver's
 * import adds it and can open it (ADR 0014). Pure.
 */
import type { DocModel } from '../../corpus/types.ts';
import type { Annotation, Claim, EventRecord, Link, SourceRecord } from '../../store/index.ts';
import { MAP_FORMAT, MAP_VERSION, type MapFile, type MapLayer, type MapPosition, type MapSource } from './format.ts';

export interface MapContent {
  layer: MapLayer;
  annotations: readonly Annotation[];
  claims: readonly Claim[];
  links: readonly Link[];
  events: readonly EventRecord[];
  positions?: readonly MapPosition[];
  /** Models of the sources the records may cite. */
  docs: readonly DocModel[];
  /** Ids of built-in sources (sent without their text). */
  builtIn: ReadonlySet<string>;
  /** Sources the reader added (the store's `sources`): sent with their text, whatever `builtIn` says. */
  sources?: readonly SourceRecord[];
  now: string;
}

/** The file of `content.layer`'s records; records of other layers are left out. */
export function writeMapFile(content: MapContent): MapFile {
  const mine = <R extends { layer: string }>(rs: readonly R[]) => rs.filter((r) => r.layer === content.layer.id);
  const annotations = mine(content.annotations);
  const claims = mine(content.claims);
  const claimIds = new Set(claims.map((c) => c.id));
  const cited = new Set(annotations.map((a) => a.target.source));
  const added = new Map((content.sources ?? []).filter((s) => cited.has(s.id)).map((s) => [s.id, s]));
  const fromDocs = content.docs
    .filter((d) => cited.has(d.meta.id))
    .map((d): MapSource => {
      const record = added.get(d.meta.id);
      if (record) return sourceOf(record, d.meta.cite);
      return {
        id: d.meta.id,
        title: d.meta.title,
        hash: d.hash,
        cite: d.meta.cite,
        authors: d.meta.authors,
        ...(d.meta.year !== undefined ? { year: d.meta.year } : {}),
        ...(content.builtIn.has(d.meta.id) ? {} : { text: d.text }),
      };
    });
  const listed = new Set(fromDocs.map((s) => s.id));
  const sources = [...fromDocs, ...[...added.values()].filter((s) => !listed.has(s.id)).map((s) => sourceOf(s))];
  return {
    format: MAP_FORMAT,
    version: MAP_VERSION,
    exported: content.now,
    layer: content.layer,
    sources,
    annotations,
    claims,
    links: mine(content.links),
    events: mine(content.events),
    positions: (content.positions ?? []).filter((p) => claimIds.has(p.claim)),
  };
}

/** A source the reader added, as the file carries it: everything its record holds. */
function sourceOf(s: SourceRecord, cite?: string): MapSource {
  return {
    id: s.id,
    title: s.title,
    hash: s.hash,
    ...(cite ? { cite } : {}),
    authors: s.authors,
    ...(s.year !== undefined ? { year: s.year } : {}),
    text: s.text,
    format: s.format,
    created: s.created,
    modified: s.modified,
    layer: s.layer,
    version: s.version,
  };
}
