import { html, nothing } from 'lit';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import type { DocModel } from '../../corpus/types.ts';
import type { Claim, EvidenceItem } from '../../store/index.ts';
import type { Paragraph } from '../../annotate/paragraphs.ts';
import './cr-related.ts';

/** What a claim card hands over to list the passages related to its claim. */
export interface ClaimRelatedContext {
  entries: readonly LibraryEntry[];
  documents: ((id: string) => Promise<DocModel>) | undefined;
  paragraphOf: (item: EvidenceItem) => Paragraph;
  /** Whether the reader closed the list, and how to open or close it. */
  closed: boolean;
  toggle: (closed: boolean) => void;
}

/**
 * "Related in other sources" for an open claim: passages related to its statement and its
 * passages' words, outside the source of its first passage (the left side when a pair is opened
 * side by side), each addable to the claim as evidence for or against.
 */
export function claimRelated(c: Claim, evidence: readonly EvidenceItem[], ctx: ClaimRelatedContext) {
  if (!ctx.documents) return nothing;
  if (ctx.closed) return html`<div class="actions"><button type="button" class="related-open" @click=${() => ctx.toggle(false)}>Related in other sources…</button></div>`;
  const first = evidence[0];
  const quote = [c.statement, ...evidence.map((e) => e.annotation.target.selector[0].exact)].join('\n');
  return html`<cr-related .entries=${ctx.entries} .documents=${ctx.documents} claimId=${c.id} quote=${quote}
    source=${first?.annotation.target.source ?? ''} .paragraph=${(first && ctx.paragraphOf(first)) ?? undefined}
    @cr-related-close=${() => ctx.toggle(true)}></cr-related>`;
}
