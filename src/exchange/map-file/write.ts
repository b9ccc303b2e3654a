/**
 * Writing a claim-map file: one layer's records and the sources they refer to. A source not
 * built into Crossread travels with its text, so the receiver can open it. Pure.
 */
import type { DocModel } from '../../corpus/types.ts';
import type { Annotation, Claim, EventRecord, Link } from '../../store/index.ts';
import { MAP_FORMAT, MAP_VERSION, type MapFile, type MapLayer, type MapPosition } from './format.ts';

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
  now: string;
}

/** The file of `content.layer`'s records; records of other layers are left out. */
export function writeMapFile(content: MapContent): MapFile {
  const mine = <R extends { layer: string }>(rs: readonly R[]) => rs.filter((r) => r.layer === content.layer.id);
  const annotations = mine(content.annotations);
  const claims = mine(content.claims);
  const claimIds = new Set(claims.map((c) => c.id));
  const cited = new Set(annotations.map((a) => a.target.source));
  const sources = content.docs
    .filter((d) => cited.has(d.meta.id))
    .map((d) => ({
      id: d.meta.id,
      title: d.meta.title,
      hash: d.hash,
      cite: d.meta.cite,
      authors: d.meta.authors,
      ...(d.meta.year !== undefined ? { year: d.meta.year } : {}),
      ...(content.builtIn.has(d.meta.id) ? {} : { text: d.text }),
    }));
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
