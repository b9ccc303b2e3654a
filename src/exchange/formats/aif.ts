/**
 * AIF JSON (the Argument Interchange Format as AIFdb and OVA read and write it) of a claim map:
 * claims are I-nodes; `supports` is an RA-node (premise → RA → conclusion); `contradicts`,
 * being symmetric, is two CA-nodes, one each way; `qualifies` is an RA-node marked as such
 * (`"crossread:relation": "qualifies"`, text "Qualifying Inference"), since AIF has no
 * qualifier. What AIF has no place for — passages, tags, events, rationales, Crossread ids —
 * rides along as extra `crossread:` keys, which AIF readers ignore. Pure.
 */
import type { Claim, Link } from '../../store/index.ts';
import { citeText, passagesOf, type ExportData } from './export-data.ts';

export interface AifNode {
  nodeID: string;
  text: string;
  type: 'I' | 'RA' | 'CA';
  timestamp: string;
  [extra: `crossread:${string}`]: unknown;
}

export interface AifEdge {
  edgeID: string;
  fromID: string;
  toID: string;
  formEdgeID: null;
}

export interface AifDocument {
  nodes: AifNode[];
  edges: AifEdge[];
  locutions: [];
}

/** AIFdb's timestamp form: "2022-01-05 10:00:00". */
const stamp = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '');

const SCHEME_TEXT = { supports: 'Default Inference', qualifies: 'Qualifying Inference', contradicts: 'Default Conflict' } as const;

/** The whole map as AIF JSON. */
export function toAif(data: ExportData): AifDocument {
  const passages = passagesOf(data);
  const eventNames = new Map(data.events.map((e) => [e.id, e.name]));
  const nodes: AifNode[] = [];
  const edges: AifEdge[] = [];
  const nodeOf = new Map<string, string>();
  const edge = (fromID: string, toID: string) => edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null });

  const claimNode = (c: Claim): AifNode => {
    const node: AifNode = { nodeID: String(nodes.length + 1), text: c.statement, type: 'I', timestamp: stamp(c.created), 'crossread:id': c.id };
    const evidence = c.evidence.flatMap((e) => {
      const p = passages.get(e.annotation);
      if (!p) return [];
      const [quote, position] = p.annotation.target.selector;
      return [{ source: p.source, cite: citeText(p), paragraph: p.paragraph ?? null, stance: e.stance, quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end }];
    });
    if (evidence.length) node['crossread:evidence'] = evidence;
    if (c.tags.length) node['crossread:tags'] = c.tags;
    const events = c.events.flatMap((id) => eventNames.get(id) ?? []);
    if (events.length) node['crossread:events'] = events;
    if (c.note) node['crossread:note'] = c.note;
    return node;
  };
  for (const c of data.claims) {
    const node = claimNode(c);
    nodes.push(node);
    nodeOf.set(c.id, node.nodeID);
  }

  const scheme = (l: Link, type: 'RA' | 'CA', from: string, to: string) => {
    const node: AifNode = { nodeID: String(nodes.length + 1), text: SCHEME_TEXT[l.relation], type, timestamp: stamp(l.created), 'crossread:id': l.id, 'crossread:relation': l.relation };
    if (l.rationale) node['crossread:rationale'] = l.rationale;
    nodes.push(node);
    edge(from, node.nodeID);
    edge(node.nodeID, to);
  };
  for (const l of data.links) {
    const from = nodeOf.get(l.from);
    const to = nodeOf.get(l.to);
    if (!from || !to) continue;
    if (l.relation === 'contradicts') {
      scheme(l, 'CA', from, to);
      scheme(l, 'CA', to, from);
    } else scheme(l, 'RA', from, to);
  }
  return { nodes, edges, locutions: [] };
}
