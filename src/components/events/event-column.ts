import { html, nothing } from 'lit';
import type { Paragraph } from '../../annotate/paragraphs.ts';
import { routeHash } from '../../app/route.ts';
import type { PassageEntry, SourceColumn } from '../../map/topic.ts';
import { STANCE_LOOK, badge } from '../shared/relations.ts';
import type { LayerLook } from '../layers/layer-look.ts';
import { layerTag } from '../layers/layer-marks.ts';

/** What a column needs to know about the sources besides the comparison. */
export interface ColumnContext {
  /** "Anisin 2026", or the id of a source the library does not list now. */
  cite(source: string): string;
  /** The source's title, when listed. */
  title(source: string): string | undefined;
  /** True when the reader can open the source (it is in the library now). */
  openable(source: string): boolean;
  /** What the topic is, in words: "event" or "tag". */
  kind: string;
  /** The layer of a record when not the reader's own (ADR 0013): passages and claims name it. */
  look(layer: string): LayerLook | undefined;
  /** The passage's ¶ (`undefined` while its source loads, `null` when not found). */
  paragraphOf(passage: PassageEntry): Paragraph;
}

/** One source's column: its passages on the topic in reading order, each with the claims it
 * bears on and its stance; "Not discussed" when it has none. Each item opens its passage. */
export function columnTemplate(col: SourceColumn, ctx: ColumnContext) {
  const cite = ctx.cite(col.source);
  const title = ctx.title(col.source);
  const headingId = `col-${col.source}`;
  return html`<section class="column" aria-labelledby=${headingId} data-source=${col.source}>
    <h3 id=${headingId}>${cite}</h3>
    ${title ? html`<p class="title">${title}</p>` : nothing}
    ${ctx.openable(col.source) || !col.passages.length
      ? nothing
      : html`<p class="note">Your own file, not open in this tab: open it again from the Library to read these passages.</p>`}
    ${col.passages.length
      ? html`<ol aria-label="Passages of ${cite}">${col.passages.map((p) => passageTemplate(col.source, p, ctx))}</ol>`
      : html`<p class="silent">Not discussed.</p>`}
  </section>`;
}

function passageTemplate(source: string, p: PassageEntry, ctx: ColumnContext) {
  // A source the library does not list now cannot be loaded: its ¶ is not known, nor asked for.
  const openable = ctx.openable(source);
  const n = openable ? ctx.paragraphOf(p) : null;
  const where = !openable ? '' : n === undefined ? '¶…' : n === null ? 'passage not found in this version' : `¶${n}`;
  const href = openable ? routeHash({ view: 'read', id: source, ...(typeof n === 'number' ? { p: n } : {}) }) : undefined;
  // Filed or only cited: said by a mark and words, not by the edge colour alone.
  const mark = p.filed ? html`<span class="mark" title="Filed under this ${ctx.kind}"><span aria-hidden="true">◷</span><span class="sr-only">filed under this ${ctx.kind},</span></span>` : nothing;
  const quote = html`${mark}${where ? html`<span class="para">${where}</span>` : nothing}<span class="text">“${p.annotation.target.selector[0].exact}”</span>`;
  return html`<li class="passage ${p.filed ? 'filed' : ''}" data-annotation=${p.annotation.id}>
    ${href ? html`<a class="quote" href=${href}>${quote}</a>` : html`<span class="quote">${quote}</span>`}
    ${layerTag(ctx.look(p.annotation.layer))}
    ${p.claims.length
      ? html`<ul>${p.claims.map(({ claim, stance }) => html`<li data-claim=${claim.id}>${badge(STANCE_LOOK[stance])}
          ${href ? html`<a href=${href}>${claim.statement}</a>` : claim.statement}${layerTag(ctx.look(claim.layer))}</li>`)}</ul>`
      : nothing}
  </li>`;
}
