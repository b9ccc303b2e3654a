/**
 * Argdown text (argdown.org) of a claim map, for Argdown's own tools: one section per source
 * (the source a claim is made in, `homeOf`), each claim a statement `[Title]: text #tag`, its
 * passages as data (`{evidence: [...]}`), and every link written once, under the claim it
 * points to: `<+` supports, `<-` contradicts, `<_` qualifies (Argdown's incoming support,
 * attack and undercut). Pure.
 */
import type { Claim } from '../../store/index.ts';
import { citeText, homeOf, passagesOf, sourcesOf, type ExportData } from './export-data.ts';

const RELATION_MARK = { supports: '<+', contradicts: '<-', qualifies: '<_' } as const;

/**
 * Argdown gives meaning to most ASCII punctuation (`[title]`, `<argument>`, `#tag`, `*em*`,
 * `_em_`, `{data}`, `@mention`, `+`/`-` relations); a backslash makes any character literal,
 * so every one of them is escaped and the text reads back exactly.
 */
export function argdownText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/**
 * A statement's data as Argdown reads it (YAML flow, of which JSON is a part). Argdown's lexer
 * ends the data at a brace followed by a space even inside a string, so braces in strings are
 * written as JSON escapes, which YAML reads back as the same characters.
 */
function dataText(data: object): string {
  return JSON.stringify(data).replace(/"(?:[^"\\]|\\.)*"/g, (s) => s.replace(/[{}]/g, (c) => (c === '{' ? '\\u007b' : '\\u007d')));
}

/** A tag as Argdown writes it: `#word`, or `#(two words)` (parentheses inside cannot be escaped there). */
function tag(t: string): string {
  const clean = t.replace(/[()]/g, '').replace(/\s+/g, ' ').trim();
  return /^[\p{L}\p{N}-]+$/u.test(clean) ? `#${clean}` : `#(${clean})`;
}

/** Distinct short titles: the statement's first words, letters and digits only. */
function titles(claims: readonly Claim[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const [i, c] of claims.entries()) {
    const words = c.statement.normalize('NFC').replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
    const base = words.slice(0, 7).join(' ') || `Claim ${i + 1}`;
    let title = base;
    for (let n = 2; used.has(title.toLowerCase()); n++) title = `${base} ${n}`;
    used.add(title.toLowerCase());
    out.set(c.id, title);
  }
  return out;
}

/** The whole map as Argdown. */
export function toArgdown(data: ExportData): string {
  const passages = passagesOf(data);
  const title = titles(data.claims);
  const eventNames = new Map(data.events.map((e) => [e.id, e.name]));
  const incoming = new Map<string, string[]>();
  for (const l of data.links) {
    if (!title.has(l.from) || !title.has(l.to)) continue;
    const list = incoming.get(l.to) ?? [];
    list.push(`  ${RELATION_MARK[l.relation]} [${title.get(l.from)}]`);
    incoming.set(l.to, list);
  }
  const statement = (c: Claim): string => {
    const evidence = c.evidence.flatMap((e) => {
      const p = passages.get(e.annotation);
      return p ? [{ cite: citeText(p), stance: e.stance, quote: p.quote }] : [];
    });
    const data: Record<string, unknown> = { id: c.id };
    if (evidence.length) data.evidence = evidence;
    const events = c.events.flatMap((id) => eventNames.get(id) ?? []);
    if (events.length) data.events = events;
    const tags = c.tags.map(tag).join(' ');
    const head = `[${title.get(c.id)}]: ${argdownText(c.statement)}${tags ? ` ${tags}` : ''} ${dataText(data)}`;
    return [head, ...(incoming.get(c.id) ?? [])].join('\n');
  };
  const sections = new Map<string | undefined, Claim[]>();
  for (const c of data.claims) {
    const home = homeOf(c, passages);
    sections.set(home, [...(sections.get(home) ?? []), c]);
  }
  const out: string[] = [];
  for (const s of [...sourcesOf(data), { id: undefined, cite: 'Claims without passages' }]) {
    const claims = sections.get(s.id);
    if (!claims?.length) continue;
    out.push(`# ${argdownText(s.cite)}`, '', ...claims.flatMap((c) => [statement(c), '']));
  }
  return out.join('\n');
}
