/**
 * The shape of a Hypothesis API export (`GET /api/search` → `{total, rows}`, or the rows
 * alone), as far as an import reads it. Loose: Hypothesis adds fields over time and the
 * import ignores what it does not use.
 */
import * as v from 'valibot';

const SelectorSchema = v.looseObject({ type: v.string() });

export const HypothesisRowSchema = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  uri: v.optional(v.string(), ''),
  text: v.optional(v.string(), ''),
  tags: v.optional(v.array(v.string()), []),
  user: v.optional(v.string(), ''),
  user_info: v.optional(v.looseObject({ display_name: v.optional(v.nullable(v.string())) })),
  created: v.optional(v.string()),
  updated: v.optional(v.string()),
  document: v.optional(v.looseObject({ title: v.optional(v.array(v.string())) })),
  target: v.optional(v.array(v.looseObject({ source: v.optional(v.string()), selector: v.optional(v.array(SelectorSchema)) })), []),
  references: v.optional(v.array(v.string()), []),
});

export type HypothesisRow = v.InferOutput<typeof HypothesisRowSchema>;

export const HypothesisExportSchema = v.union([
  v.looseObject({ rows: v.array(v.unknown()), total: v.optional(v.number()) }),
  v.array(v.unknown()),
]);

/** A quote selector of a row's first target, if it has one. */
export function quoteOf(row: HypothesisRow): { exact: string; prefix: string; suffix: string } | undefined {
  const s = row.target[0]?.selector?.find((x) => x.type === 'TextQuoteSelector') as { exact?: unknown; prefix?: unknown; suffix?: unknown } | undefined;
  if (!s || typeof s.exact !== 'string' || !s.exact.trim()) return undefined;
  return { exact: s.exact, prefix: typeof s.prefix === 'string' ? s.prefix : '', suffix: typeof s.suffix === 'string' ? s.suffix : '' };
}

/** "acct:ada@hypothes.is" → "ada"; the display name when the export has one. */
export function authorOf(row: HypothesisRow): string {
  const display = row.user_info?.display_name?.trim();
  if (display) return display.slice(0, 200);
  const m = /^acct:([^@]+)@/.exec(row.user);
  return (m?.[1] ?? row.user).trim().slice(0, 200) || 'Hypothesis user';
}
