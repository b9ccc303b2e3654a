/**
 * Why a stored record was set aside, in the reader's words ("The evidence is
 * not a list.", "It is a passage, stored among the events."), from the
 * schema's issues: no field paths, no validator terms. Pure; tested in Node
 * through `quarantine.ts`.
 */
import * as v from 'valibot';
import { RECORD_NOUN, type CollectionName } from './records.ts';

// From this many missing fields on, a record is described as mostly missing.
const MOSTLY_MISSING = 4;

/** How a `type` field names each kind of record. */
const KIND_BY_TYPE: Record<string, string> = { Annotation: 'a passage', Claim: 'a claim', Link: 'a link', Event: 'an event', Source: 'a source' };

/** Fields in the reader's words; a field not named here is called by its key. */
const FIELD: Record<string, string> = {
  '@context': 'the annotation context',
  id: 'the id',
  type: 'the kind of record',
  motivation: 'the kind of annotation',
  created: 'the date it was made',
  modified: 'the date it was last changed',
  creator: 'the author',
  body: 'the body (note and tags)',
  target: 'the passage it marks',
  'target.selector': 'the position of the passage in the text',
  layer: 'the layer (whose work it is)',
  version: 'the version',
  statement: 'the statement',
  note: 'the note',
  tags: 'the tags',
  events: 'the events',
  evidence: 'the evidence',
  relation: 'the relation',
  from: 'the claim it links from',
  to: 'the claim it links to',
  rationale: 'the rationale',
  name: 'the name',
  start: 'the start date',
  end: 'the end date',
  value: 'the value',
};

// Fields named in the plural, for the verb that follows.
const PLURAL = new Set(['tags', 'events']);

function fieldOf(path: string): string {
  if (path.startsWith('target.selector')) return FIELD['target.selector']!;
  const key = path.split('.')[0]!;
  return FIELD[key] ?? `the field “${key}”`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
    case 'bigint':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'undefined':
      return 'nothing';
    default:
      return `a ${typeof value}`;
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One problem in the reader's words, e.g. “the evidence is not a list”. */
function problemWords(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  if (!path) return issue.message; // a rule over the whole record: its message is written for people
  const field = fieldOf(path);
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    // Inside a field (`evidence.0.weight`): name that field in words and the unknown key alone.
    const key = path.split('.').at(-1)!;
    return `${path.includes('.') ? field : 'it'} has a field this version of Crossread does not know (“${key}”)`;
  }
  const is = PLURAL.has(path) ? 'are' : 'is';
  // A field with a name of its own is missing; a part of one (e.g. `creator.name`) leaves it incomplete.
  const named = !path.includes('.') || path.startsWith('target.selector');
  if (issue.received === 'undefined') return `${field} ${is} ${named ? 'missing' : 'incomplete'}`;
  if (issue.expected === 'Array' && !path.includes('.')) return `${field} ${is} not a list`;
  // A limit says which: the reader can fix the value.
  const list = Array.isArray(issue.input);
  if (issue.type === 'max_length') return list ? `${field} ${is} too many (at most ${String(issue.requirement)})` : `${field} ${is} too long (at most ${String(issue.requirement)} characters)`;
  if (issue.type === 'min_length' && issue.requirement === 1) return `${field} ${is} empty`;
  // A rule of a field worded to follow its name ("must be an ISO date: YYYY, …") says which.
  if (issue.type === 'check' && named && issue.message.startsWith('must ')) return `${field} ${issue.message}`;
  return `${field} ${is} not valid`;
}

/** The reason a value is not a valid record of collection `c`, in the reader's words. */
export function reasonFor(c: CollectionName, value: unknown, issues: readonly v.BaseIssue<unknown>[]): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `It is not a ${RECORD_NOUN[c]} at all, just ${describeValue(value)}.`;
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type === 'string' && c !== 'settings') {
    const kind = KIND_BY_TYPE[type];
    if (kind && kind !== KIND_BY_TYPE[typeOf(c)]) return `It is ${kind}, stored among the ${RECORD_NOUN[c]}s.`;
    if (!kind) return `It is a kind of record this version of Crossread does not know (“${type.slice(0, 40)}”).`;
  }
  // Listing field after field of a mostly empty record says less than saying so.
  const missing = issues.filter((i) => i.received === 'undefined' && !v.getDotPath(i)?.includes('.')).length;
  if (missing >= MOSTLY_MISSING) return `Most of what a ${RECORD_NOUN[c]} needs is missing (${missing} of its fields).`;
  const words = [...new Set(issues.map(problemWords))];
  const shown = words.slice(0, 3);
  const more = words.length - shown.length;
  return `${capitalize(shown.join('; '))}${more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : ''}.`;
}

function typeOf(c: CollectionName): string {
  return { annotations: 'Annotation', settings: '', claims: 'Claim', links: 'Link', events: 'Event', sources: 'Source' }[c];
}

/** What each collection's references point at, in the reader's words. */
export const MISSING: Record<CollectionName, string> = {
  annotations: 'It cites a passage that is not in this browser’s data.',
  settings: 'It refers to a setting that does not exist.',
  claims: 'It links a claim that is not in this browser’s data.',
  links: 'It refers to a link that does not exist.',
  events: 'It names an event that is not in this browser’s data.',
  sources: 'It refers to a source that is not in this browser’s data.',
};
