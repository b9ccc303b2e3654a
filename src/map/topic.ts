/**
 * What each source says about one topic (an event or a tag): its passages and claims in reading
 * order, the links between claims of different sources, and per source how many of its claims
 * each other source supports or contradicts. Pure, over the store's queries and the claims graph
 * (`map/graph.ts`), so the compare-by-event view and its Markdown export read one model.
 *
 * A claim is *about* the topic when it is filed under it, or cites a passage filed under it
 * (a reader often files the passage and makes the claim from it). A claim is *made* in the
 * sources of its passages that assert or mention it ({@link homeSources}).
 */
import { crossLinks, homeSources, linkViews, type CrossLink, type GraphData } from './graph.ts';
import { byCreated, type Annotation, type Claim, type Stance } from '../store/index.ts';

/** What is compared: the sources on one event, or on one tag. */
export type Topic = { kind: 'event'; id: string } | { kind: 'tag'; tag: string };

/** The store queries the comparison reads (`CrossreadStore` has them all). */
export interface TopicData extends GraphData {
  annotationsOf(source: string): readonly Annotation[];
  annotationsOfEvent(eventId: string): readonly Annotation[];
  annotationsTagged(tag: string): readonly Annotation[];
  claimsOfEvent(eventId: string): readonly Claim[];
  claimsTagged(tag: string): readonly Claim[];
  claimsCitingAnnotation(annotationId: string): readonly Claim[];
}

/** A claim a passage is evidence for, and how the passage stands toward it. */
export interface ClaimStance {
  claim: Claim;
  stance: Stance;
}

/** One passage of a source about the topic. */
export interface PassageEntry {
  annotation: Annotation;
  /** True when the passage itself is filed under the topic, not only cited by a claim that is. */
  filed: boolean;
  /** The claims about the topic it is evidence for, oldest first. */
  claims: ClaimStance[];
}

/** One source's column. Empty `passages`: the source does not discuss the topic. */
export interface SourceColumn {
  source: string;
  /** In reading order. */
  passages: PassageEntry[];
  /** Claims about the topic made in this source, oldest first. */
  claims: Claim[];
}

/** How a source's claims fare with one other source. */
export interface FromOther {
  source: string;
  /** Claims of this source that the other asserts too, or that a claim made there supports. */
  supported: number;
  /** Claims of this source that the other argues against, or that a claim made there contradicts. */
  contradicted: number;
}

/** The summary row of one source. */
export interface SourceSummary {
  source: string;
  claims: number;
  /** One entry per other column, in column order. */
  others: FromOther[];
}

/** A link between claims of two columns, read from the left column's claim. */
export interface TopicLink extends CrossLink {
  leftSource: string;
  rightSource: string;
}

/** Everything the compare-by-topic view shows. */
export interface TopicComparison {
  columns: SourceColumn[];
  summary: SourceSummary[];
  links: TopicLink[];
  /** Claims about the topic with no passage left in any source. */
  unplaced: Claim[];
  /** True when nothing at all is filed under the topic. */
  empty: boolean;
}

/**
 * The sources to compare, in order: the library's, then every other source the store holds
 * passages of (a reader's own file, also when not open now), by id. Silence needs a column too.
 */
export function topicSources(library: readonly string[], annotations: Iterable<Annotation>): string[] {
  const known = new Set(library);
  const more = new Set<string>();
  for (const a of annotations) if (!known.has(a.target.source)) more.add(a.target.source);
  return [...library, ...[...more].sort()];
}

/** Compares `sources` (columns, in order) on `topic`. */
export function compareTopic(data: TopicData, sources: readonly string[], topic: Topic): TopicComparison {
  const filedPassages = topic.kind === 'event' ? data.annotationsOfEvent(topic.id) : data.annotationsTagged(topic.tag);
  const filedIds = new Set(filedPassages.map((a) => a.id));
  const about = new Map<string, Claim>();
  for (const c of topic.kind === 'event' ? data.claimsOfEvent(topic.id) : data.claimsTagged(topic.tag)) about.set(c.id, c);
  for (const a of filedPassages) for (const c of data.claimsCitingAnnotation(a.id)) about.set(c.id, c);
  const claims = byCreated([...about.values()]);

  // Passages: filed ones and every passage of a claim about the topic, each with its claims.
  const stances = new Map<string, ClaimStance[]>();
  const passageSources = new Set(filedPassages.map((a) => a.target.source));
  const unplaced: Claim[] = [];
  for (const claim of claims) {
    const evidence = data.evidenceOf(claim.id);
    if (!evidence.length) unplaced.push(claim);
    for (const { annotation, stance } of evidence) {
      const list = stances.get(annotation.id) ?? [];
      list.push({ claim, stance });
      stances.set(annotation.id, list);
      passageSources.add(annotation.target.source);
    }
  }
  const all = [...sources, ...[...passageSources].filter((s) => !sources.includes(s)).sort()];

  const homes = new Map(claims.map((c) => [c.id, homeSources(data, c.id)]));
  const columns = all.map((source): SourceColumn => ({
    source,
    // The store lists a source's passages in reading order already.
    passages: data.annotationsOf(source).flatMap((annotation) => {
      const filed = filedIds.has(annotation.id);
      const its = stances.get(annotation.id) ?? [];
      return filed || its.length ? [{ annotation, filed, claims: its }] : [];
    }),
    claims: claims.filter((c) => homes.get(c.id)!.has(source)),
  }));

  return {
    columns,
    summary: columns.map((col) => summarise(data, col, all, homes)),
    links: topicLinks(data, all, homes),
    unplaced,
    empty: filedPassages.length === 0 && claims.length === 0,
  };
}

// Counts each claim once per other source, whether a passage there or a claim made there does it.
function summarise(data: TopicData, col: SourceColumn, sources: readonly string[], homes: ReadonlyMap<string, Set<string>>): SourceSummary {
  const others = sources.filter((s) => s !== col.source).map((source) => {
    const supported = new Set<string>();
    const contradicted = new Set<string>();
    for (const claim of col.claims) {
      for (const { annotation, stance } of data.evidenceOf(claim.id)) {
        if (annotation.target.source !== source) continue;
        if (stance === 'asserts') supported.add(claim.id);
        if (stance === 'argues-against') contradicted.add(claim.id);
      }
      const mine = homes.get(claim.id)!;
      for (const view of linkViews(data, claim.id)) {
        const theirs = homes.get(view.other.id);
        // As crossLinks: a claim made in both sources is neither's witness against the other.
        if (!theirs?.has(source) || [...theirs].some((s) => mine.has(s))) continue;
        if (view.link.relation === 'contradicts') contradicted.add(claim.id);
        if (view.link.relation === 'supports' && view.direction === 'in') supported.add(claim.id);
      }
    }
    return { source, supported: supported.size, contradicted: contradicted.size };
  });
  return { source: col.source, claims: col.claims.length, others };
}

// Every link between two claims about the topic in different columns, once. A link is placed
// between the columns where both its claims are made, when there are such; else where
// crossLinks first finds it (a claim only argued against has no column of its own).
function topicLinks(data: TopicData, sources: readonly string[], homes: ReadonlyMap<string, Set<string>>): TopicLink[] {
  const best = new Map<string, { link: TopicLink; made: boolean }>();
  sources.forEach((left, i) => {
    for (const right of sources.slice(i + 1)) {
      for (const x of crossLinks(data, left, right)) {
        const [l, r] = [homes.get(x.left.id), homes.get(x.right.id)];
        if (!l || !r) continue;
        const made = l.has(left) && r.has(right);
        const had = best.get(x.link.id);
        if (!had || (made && !had.made)) best.set(x.link.id, { link: { ...x, leftSource: left, rightSource: right }, made });
      }
    }
  });
  const links = [...best.values()].map((b) => b.link);
  const order = new Map(byCreated(links.map((x) => x.link)).map((l, i) => [l.id, i]));
  return links.sort((a, b) => order.get(a.link.id)! - order.get(b.link.id)!);
}
