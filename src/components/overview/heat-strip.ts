import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Placed } from '../../annotate/anchored.ts';
import { routeHash } from '../../app/route.ts';
import type { DocModel } from '../../corpus/types.ts';
import { classRoles, heatByParagraph, heatOf } from '../../map/overview/overview.ts';
import type { LayerView } from '../../store/index.ts';
import type { CrDocument } from '../reader/cr-document.ts';

/** What the strip reads from the reader, each time it updates. */
export interface HeatInput {
  /** Whether the reader asked for it (`?heat`). */
  on: boolean;
  doc: DocModel | undefined;
  /** The source's passages as the reader placed them. */
  placed: readonly Placed[];
  layers: readonly LayerView[];
  /** The reader's text element, once rendered. */
  document: CrDocument | undefined;
}

/** The strip's look; `cr-document` adopts it, the strips live in its text. */
export const heatStripStyles = css`
  /* Left of the ¶ number, clear of it and of the current ¶'s mark. */
  .prose .heat-strip {
    position: absolute; left: -3.95rem; top: 0.15em; bottom: 0.15em; width: 0.3rem; border-radius: 2px;
    background: color-mix(in srgb, var(--cr-accent) calc(var(--heat) * 100%), transparent);
    outline: 1px solid color-mix(in srgb, var(--cr-accent) 45%, transparent); user-select: none;
  }
  .table-wrap { position: relative; }
  @media (max-width: 720px) { .prose .heat-strip { left: -0.5rem; } }
  @media (forced-colors: active) { .prose .heat-strip { background: Highlight; opacity: var(--heat); } }
`;

const STRIP = 'heat-strip';

/** "Marked by 3 of 5 students": a highlight, note, tag or cited passage all count. */
export const heatLabel = (count: number, of: number) => `Marked by ${count} of ${of} student${of === 1 ? '' : 's'}`;

/**
 * The heat strip of the reader margin (issue 10 §2): beside each ¶ that students marked, a
 * narrow bar shaded by how many of them did, labelled for assistive technology and on hover
 * ("Marked by 3 of 5 students"). Shown when the reader asks (`#/read/<id>?heat`, the class
 * overview's links, or the toggle), only when the reader holds students' maps. The bars are
 * apparatus in the text (`data-nontext`): no quote, selection or copy includes them.
 */
export class HeatStrip implements ReactiveController {
  readonly #read: () => HeatInput;
  #painted: { key: string; map: unknown } | undefined;
  readonly #strips: HTMLElement[] = [];

  constructor(host: ReactiveControllerHost, read: () => HeatInput) {
    this.#read = read;
    host.addController(this);
  }

  hostUpdated(): void {
    void this.#paint();
  }

  /** Student layers shown now. */
  #students(input: HeatInput): LayerView[] {
    return classRoles(input.layers).students;
  }

  /** The link that turns the strip on or off; nothing when there are no students' maps. */
  toggle() {
    const input = this.#read();
    const n = this.#students(input).length;
    if (!input.doc || n === 0) return nothing;
    const href = routeHash({ view: 'read', id: input.doc.meta.id, ...(input.on ? {} : { heat: true as const }) });
    return html`<p class="heat-toggle"><a href=${href}>${input.on ? 'Hide' : 'Show'} how many students marked each ¶</a>
      ${input.on ? html`<span>The bar left of a ¶ is darker the more of the ${n} student${n === 1 ? '' : 's'} marked it.</span>` : nothing}</p>`;
  }

  async #paint(): Promise<void> {
    const input = this.#read();
    const el = input.document;
    if (!el) return;
    await el.updateComplete;
    const map = el.textMap;
    const students = input.on && input.doc ? this.#students(input) : [];
    const heat = students.length && input.doc ? heatByParagraph(heatOf(input.doc, input.placed, new Set(students.map((s) => s.id)))) : new Map<number, number>();
    const key = `${students.length}:${[...heat].join(';')}`;
    if (!map || (this.#painted?.map === map && this.#painted.key === key)) return;
    this.#painted = { key, map };
    // Only the strips painted here: no query over a text that may hold a book's elements.
    for (const old of this.#strips.splice(0)) old.remove();
    if (!heat.size || !input.doc) return;
    for (const b of input.doc.blocks) {
      const count = b.numbered ? heat.get(b.n) : undefined;
      const block = count && map.element(b.id);
      if (!count || !block) continue;
      const host = b.kind === 'table-cell' ? (block.closest('.table-wrap') ?? block) : block;
      const strip = document.createElement('span');
      strip.className = STRIP;
      strip.setAttribute('data-nontext', '');
      strip.setAttribute('role', 'img');
      strip.setAttribute('aria-label', heatLabel(count, students.length));
      strip.title = heatLabel(count, students.length);
      strip.style.setProperty('--heat', String(0.2 + (0.8 * count) / students.length));
      host.append(strip);
      this.#strips.push(strip);
    }
  }
}
