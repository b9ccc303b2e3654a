/**
 * Writing a claim-map file: one layer's records and the sources they refer to. A source the
 * reader added travels whole — its text as given, format and record fields — so the receiver's
 * import adds it and can open it (ADR 0014). The other layers its records point at are named
 * (`refers`), so a receiver without them is told which map to import first. Pure.
 */
import type { DocModel } from '../../corpus/types.ts';
import { eventsOf, type Annotation, type Claim, type EventRecord, type Link, type SourceRecord } from '../../store/index.ts';
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
  /** What the reader knows of the other layers (the store's `layers()`), to name those the map answers. */
  layers?: ReadonlyArray<MapLayer>;
  now: string;
}

/** Only what a map file says of a layer: a view of one carries more (colour, counts). */
export function mapLayerOf({ id, name, role, course }: MapLayer): MapLayer {
  return { id, name, role, ...(course ? { course } : {}) };
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
  const links = mine(content.links);
  const refers = referredLayers(content, annotations, claims, links);
  return {
    format: MAP_FORMAT,
    version: MAP_VERSION,
    exported: content.now,
    layer: content.layer,
    ...(refers.length ? { refers } : {}),
    sources,
    annotations,
    claims,
    links,
    events: mine(content.events),
    positions: (content.positions ?? []).filter((p) => claimIds.has(p.claim)),
  };
}

/** The other layers whose passages, events or claims the layer's records point at, as the reader knows them, else named by their author. */
function referredLayers(content: MapContent, annotations: readonly Annotation[], claims: readonly Claim[], links: readonly Link[]): MapLayer[] {
  const records = new Map<string, { layer: string; creator: { name: string } }>();
  for (const r of [...content.annotations, ...content.claims, ...content.events]) records.set(r.id, r);
  const known = new Map((content.layers ?? []).map((l) => [l.id, l]));
  const out = new Map<string, MapLayer>();
  const point = (id: string) => {
    const r = records.get(id);
    if (!r || r.layer === content.layer.id || out.has(r.layer)) return;
    const layer = known.get(r.layer);
    out.set(r.layer, layer ? mapLayerOf(layer) : { id: r.layer, name: r.creator.name, role: 'student' });
  };
  for (const a of annotations) eventsOf(a).forEach(point);
  for (const c of claims) {
    c.evidence.forEach((e) => point(e.annotation));
    c.events.forEach(point);
  }
  for (const l of links) [l.from, l.to].forEach(point);
  return [...out.values()];
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
