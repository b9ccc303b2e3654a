import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import { routeHash } from '../../app/route.ts';
import type { DocModel } from '../../corpus/types.ts';
import { overviewCsv, overviewMarkdown } from '../../exchange/formats/class-overview.ts';
import { classOverview, type ClassOverview, type HotPassage } from '../../map/overview/overview.ts';
import { count } from '../../map/words.ts';
import type { Link } from '../../store/index.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { pageStyles } from '../shared/page-styles.ts';
import { downloadText } from '../shared/download.ts';
import { layerColour } from '../shared/layer-colours.ts';
import { RELATION_LOOK, badge, badgeStyles } from '../shared/relations.ts';
import { StoreController } from '../store/store-controller.ts';
import { heatLabel } from './heat-strip.ts';
import { overviewStyles } from './overview-styles.ts';

/** Passages listed before "Show all". */
const FIRST_PASSAGES = 10;

/**
 * The instructor's class overview (`#/overview`, issue 10 §2): the students' maps against the
 * instructor's (`map/overview/`): the ¶s many students marked, each opening the reader there
 * with the heat strip on; the claims several maps share, and why; the students' links that
 * read the instructor's claims otherwise, both sides named. Exports Markdown and CSV. Follows
 * every store change; hidden layers are left out.
 */
@customElement('cr-overview')
export class CrOverview extends LitElement {
  static override styles = [controlStyles, badgeStyles, pageStyles, overviewStyles];

  /** Sources of the library, in its order. */
  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  /** Loads a source's document model (to place passages in their ¶s). */
  @property({ attribute: false }) accessor documents: ((id: string) => Promise<DocModel>) | undefined;

  /** Bumped when a source's document arrives. */
  @state() private accessor loaded = 0;
  @state() private accessor allPassages = false;

  readonly #data = new StoreController(this, () => (this.#overview = undefined));
  readonly #docs = new Map<string, DocModel | 'loading' | 'failed'>();
  #overview: ClassOverview | undefined;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('entries') || changed.has('documents')) this.#overview = undefined;
  }

  override render() {
    const store = this.#data.store;
    if (!store) return nothing;
    const pending = this.#load();
    const o = (this.#overview ??= classOverview({
      layers: store.layers(),
      annotations: [...store.annotations.values()],
      claims: [...store.claims.values()],
      links: [...store.links.values()],
      docs: this.entries.flatMap((e) => {
        const d = this.#docs.get(e.id);
        return d && typeof d === 'object' ? [d] : [];
      }),
    }));
    const ready = o.students.length > 0 && pending === 0;
    return html`<div class="page">
      <header>
        <div>
          <h1>Class overview</h1>
          ${o.instructor && o.students.length ? html`<p class="sub">${this.#who(o)}</p>` : nothing}
        </div>
        ${o.students.length ? html`<div class="actions">
          <button type="button" data-export="markdown" ?disabled=${!ready} @click=${() => this.#export(o, 'md')}>Export Markdown</button>
          <button type="button" data-export="csv" ?disabled=${!ready} @click=${() => this.#export(o, 'csv')}>Export CSV</button>
        </div>` : nothing}
      </header>
      ${o.students.length === 0
        ? html`<div class="empty"><h2>No students’ maps yet</h2>
            <p>Import students’ maps (<a href=${routeHash({ view: 'settings' })}>Settings › Import</a>) to compare them here:
              which passages many of them marked, which claims they share and which of their links read your claims otherwise.</p></div>`
        : pending
          ? html`<p class="hint" role="status">Placing passages in their sources…</p>`
          : html`${this.#unplaced()}${this.#passages(o)}${this.#shared(o)}${this.#disagreements(o)}`}
    </div>`;
  }

  #who(o: ClassOverview) {
    return html`Compared with the map of ${this.#layer(o, o.instructor!.id)} · ${count(o.students.length, 'student')}:
      ${o.students.map((s, i) => html`${i ? ', ' : ''}${this.#layer(o, s.id)}`)}`;
  }

  // A layer's name with its colour; the colour is never the only cue.
  #layer(o: ClassOverview, id: string) {
    const l = o.layers.get(id);
    const roles = [l?.local && l.name ? 'you' : '', id === o.instructor?.id ? 'instructor' : ''].filter(Boolean).join(', ');
    const name = `${l?.name || (l?.local ? 'You' : 'Unnamed')}${roles ? ` (${roles})` : ''}`;
    return html`<span class="layer"><span class="swatch" aria-hidden="true" style="background:${layerColour(l?.colour ?? 0)}"></span>${name}</span>`;
  }

  // A source that would not load: its passages count in no ¶, and the reader is told so.
  #unplaced() {
    const failed = this.entries.filter((e) => this.#docs.get(e.id) === 'failed');
    return failed.length
      ? html`<p class="hint" role="status">Passages of ${failed.map((e) => e.cite).join(', ')} are left out of the marked passages: the source could not be loaded. Claims and links are compared all the same.</p>`
      : nothing;
  }

  #passages(o: ClassOverview) {
    const shown = this.allPassages ? o.passages : o.passages.slice(0, FIRST_PASSAGES);
    return html`<section aria-labelledby="passages">
      <h2 id="passages">Passages students marked</h2>
      ${o.passages.length === 0
        ? html`<p class="hint">No student has marked a passage yet.</p>`
        : html`<ol class="passages">${shown.map((p) => this.#passage(o, p))}</ol>
          ${o.passages.length > FIRST_PASSAGES
            ? html`<button type="button" class="link" aria-expanded=${String(this.allPassages)} @click=${() => (this.allPassages = !this.allPassages)}>
                ${this.allPassages ? 'Show the first ten' : `Show all ${o.passages.length}`}</button>`
            : nothing}`}
    </section>`;
  }

  #passage(o: ClassOverview, p: HotPassage) {
    const n = o.students.length;
    const href = routeHash({ view: 'read', id: p.source, p: p.paragraph, heat: true });
    return html`<li data-source=${p.source} data-paragraph=${p.paragraph}>
      <div class="meta">
        <a href=${href}>${p.cite}, ¶${p.paragraph}</a>
        <span class="count" style="--heat:${0.2 + (0.8 * p.layers.length) / n}" title=${heatLabel(p.layers.length, n)}>${heatLabel(p.layers.length, n)}</span>
        <span class="names">${p.layers.map((id, i) => html`${i ? ', ' : ''}${this.#layer(o, id)}`)}</span>
      </div>
      <blockquote>${p.quote}</blockquote>
    </li>`;
  }

  #shared(o: ClassOverview) {
    return html`<section aria-labelledby="shared">
      <h2 id="shared">Claims shared across maps</h2>
      <p class="hint">Claims of different maps citing the same passage, or worded nearly the same (a paraphrase in other words is not found).</p>
      ${o.shared.length === 0
        ? html`<p class="hint">No claim is shared by two maps yet.</p>`
        : html`<ol class="groups">${o.shared.map((g) => html`<li>
            <p class="why">${g.reasons.map((r) => (r === 'evidence' ? 'Same passage' : 'Near-identical wording')).join(' · ')} · ${count(g.layers.length, 'map')}</p>
            <ul>${g.claims.map((c) => html`<li>${this.#layer(o, c.layer)}: <a href=${routeHash({ view: 'claims', claim: c.id })}>${c.statement}</a></li>`)}</ul>
          </li>`)}</ol>`}
    </section>`;
  }

  #disagreements(o: ClassOverview) {
    return html`<section aria-labelledby="disagree">
      <h2 id="disagree">Links that disagree with the instructor’s</h2>
      <p class="hint">A student’s link between the instructor’s claims (or claims shared with them) with another relation.</p>
      ${o.disagreements.length === 0
        ? html`<p class="hint">No student link reads the instructor’s claims otherwise.</p>`
        : html`<ol class="disagreements">${o.disagreements.map((d) => html`<li>
            ${this.#side(o, d.instructor, '')}
            ${this.#side(o, d.student, d.reversed ? ' (the other way round)' : '')}
          </li>`)}</ol>`}
    </section>`;
  }

  #side(o: ClassOverview, l: Link, note: string) {
    const statement = (id: string) => o.claims.get(id)?.statement ?? 'a claim not here';
    return html`<div class="side" data-layer=${l.layer}>
      <span class="who">${this.#layer(o, l.layer)}</span>
      <span>“${statement(l.from)}” ${badge(RELATION_LOOK[l.relation])} “${statement(l.to)}”${note}</span>
      ${l.rationale ? html`<span class="rationale">${l.rationale}</span>` : nothing}
    </div>`;
  }

  // Loads the sources the compared layers cite; returns how many are still on their way.
  #load(): number {
    const store = this.#data.store;
    if (!store || !this.documents) return 0;
    let pending = 0;
    for (const e of this.entries) {
      const known = this.#docs.get(e.id);
      if (known === 'loading') pending++;
      if (known || store.annotationsOf(e.id).length === 0) continue;
      pending++;
      this.#docs.set(e.id, 'loading');
      void this.documents(e.id).then(
        (d) => this.#docs.set(e.id, d),
        () => this.#docs.set(e.id, 'failed'),
      ).finally(() => {
        this.#overview = undefined;
        this.loaded++;
      });
    }
    return pending;
  }

  #export(o: ClassOverview, kind: 'md' | 'csv'): void {
    if (kind === 'md') downloadText('class-overview.md', overviewMarkdown(o), 'text/markdown');
    else downloadText('class-overview.csv', overviewCsv(o), 'text/csv');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-overview': CrOverview;
  }
}
