/**
 * The instructor's overview of a class (issue 10 §2): which passages many students marked,
 * which claims they share, and which of their links read the instructor's claims otherwise.
 * One model for the view, its Markdown and CSV exports and the reader's heat strip. Pure.
 *
 * Roles come from the layers (ADR 0013): the instructor is the layer whose map says
 * "instructor", else the reader's own (an instructor comparing the students' maps with their
 * own); students are the other shown layers, the reader's own only when it holds something.
 */
import { placeAnnotations } from '../../annotate/anchored.ts';
import type { DocModel } from '../../corpus/types.ts';
import type { Annotation, Claim, Link, LayerView } from '../../store/index.ts';
import { disagreeingLinks, type Disagreement } from './disagree.ts';
import { heatOf, type ParagraphHeat } from './heat.ts';
import { sharedClaims, type EvidenceSpan, type SharedGroup } from './shared.ts';

export { heatByParagraph, heatOf, QUOTE_CHARS, type ParagraphHeat } from './heat.ts';
export { OVERLAP_SHARE, sameEvidence, sharedClaims, type EvidenceSpan, type ShareReason, type SharedGroup } from './shared.ts';
export { disagreeingLinks, type Disagreement } from './disagree.ts';

/** Who is who in a class. */
export interface ClassRoles {
  /** The layer compared against; undefined only when there are no layers at all. */
  instructor: LayerView | undefined;
  /** Shown student layers, in `layers` order. */
  students: LayerView[];
}

/** The instructor and the students among `layers` (hidden layers are left out). */
export function classRoles(layers: readonly LayerView[]): ClassRoles {
  const shown = layers.filter((l) => !l.hidden);
  const instructor = shown.find((l) => l.role === 'instructor') ?? shown.find((l) => l.local);
  const holds = (l: LayerView) => l.counts.annotations + l.counts.claims + l.counts.links > 0;
  const students = shown.filter((l) => l !== instructor && l.role === 'student' && (!l.local || holds(l)));
  return { instructor, students };
}

/** What the overview reads. */
export interface OverviewInput {
  /** Every layer (`layersOf`); hidden ones are left out. */
  layers: readonly LayerView[];
  annotations: readonly Annotation[];
  claims: readonly Claim[];
  links: readonly Link[];
  /** Models of the sources, in library order; passages of a source not among them count in no ¶. */
  docs: readonly DocModel[];
}

/** A ¶ students marked, with its source's citation label. */
export interface HotPassage extends ParagraphHeat {
  /** "Anisin 2026". */
  cite: string;
}

/** The overview of a class. */
export interface ClassOverview extends ClassRoles {
  /** Layers by id, for names and colours. */
  layers: ReadonlyMap<string, LayerView>;
  /** Claims by id, for statements. */
  claims: ReadonlyMap<string, Claim>;
  /** ¶s students marked, most students first, then in library and reading order; their layers in `students` order. */
  passages: HotPassage[];
  /** Claims shared across layers (the instructor's included), most layers first; layers in `instructor`, `students` order. */
  shared: SharedGroup[];
  disagreements: Disagreement[];
}

/** The overview of `input`. */
export function classOverview(input: OverviewInput): ClassOverview {
  const roles = classRoles(input.layers);
  const studentIds = new Set(roles.students.map((l) => l.id));
  const compared = new Set([...studentIds, ...(roles.instructor ? [roles.instructor.id] : [])]);
  const annotations = input.annotations.filter((a) => compared.has(a.layer));
  const claims = input.claims.filter((c) => compared.has(c.layer));

  const spans = new Map<string, EvidenceSpan>();
  const passages: HotPassage[] = [];
  const bySource = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = bySource.get(a.target.source);
    if (list) list.push(a);
    else bySource.set(a.target.source, [a]);
  }
  for (const doc of input.docs) {
    const placed = placeAnnotations(doc, bySource.get(doc.meta.id) ?? []).placed;
    for (const p of placed) spans.set(p.annotation.id, { source: doc.meta.id, text: doc.hash, start: p.start, end: p.end, quote: p.annotation.target.selector[0].exact });
    passages.push(...heatOf(doc, placed, studentIds).map((h) => ({ ...h, cite: doc.meta.cite })));
  }
  // Passages not placed here (a source not loaded, a passage edited away) still compare by the text they were made on.
  for (const a of annotations) {
    if (spans.has(a.id)) continue;
    const [quote, position] = a.target.selector;
    spans.set(a.id, { source: a.target.source, text: a.target.sourceHash, start: position.start, end: position.end, quote: quote.exact });
  }
  // A stable sort keeps library and reading order among ¶s marked by as many students.
  passages.sort((a, b) => b.layers.length - a.layers.length);
  // Layers in one order everywhere: the instructor, then the students as listed.
  const rank = new Map([...(roles.instructor ? [roles.instructor] : []), ...roles.students].map((l, i) => [l.id, i]));
  const byRank = (a: string, b: string) => rank.get(a)! - rank.get(b)!;
  for (const p of passages) p.layers.sort(byRank);

  const shared = sharedClaims(claims, (id) => spans.get(id));
  for (const g of shared) {
    g.layers.sort(byRank);
    g.claims.sort((a, b) => byRank(a.layer, b.layer));
  }
  const groupOf = new Map<string, ReadonlySet<string>>();
  for (const g of shared) {
    const ids = new Set(g.claims.map((c) => c.id));
    for (const id of ids) groupOf.set(id, ids);
  }
  const disagreements = roles.instructor
    ? disagreeingLinks(input.links, roles.instructor.id, studentIds, (id) => groupOf.get(id) ?? new Set([id]))
    : [];
  return {
    ...roles,
    layers: new Map(input.layers.map((l) => [l.id, l])),
    claims: new Map(input.claims.map((c) => [c.id, c])),
    passages,
    shared,
    disagreements,
  };
}
