import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LibraryEntry } from '../../app/corpus-client.ts';
import { routeHash } from '../../app/route.ts';
import { Paragraphs } from '../../annotate/paragraphs.ts';
import { citeOf } from '../../corpus/citation.ts';
import type { DocModel } from '../../corpus/types.ts';
import { compareTopic, topicSources, type Topic, type TopicComparison } from '../../map/topic.ts';
import { shownData } from '../../map/shown.ts';
import { topicMarkdown } from '../../exchange/formats/topic-markdown.ts';
import { formatRange, tagsOf, type Annotation, type EventRecord } from '../../store/index.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { pageStyles } from '../shared/page-styles.ts';
import { downloadText } from '../shared/download.ts';
import { badgeStyles, linkBadge } from '../shared/relations.ts';
import { StoreController } from '../store/store-controller.ts';
import { columnTemplate, type ColumnContext } from './event-column.ts';
import { eventsStyles } from './events-styles.ts';
import { foreignLook, looksOf } from '../layers/layer-look.ts';
import { layerMarkStyles } from '../layers/layer-marks.ts';
import '../layers/cr-layer-legend.ts';

/**
 * Compare by event (`#/events/<event id>`) or by tag (`#/events/tag/<tag>`): one column per
 * source — the library's and any other source with passages in the store, such as a reader's own
 * file — listing its passages on the topic in reading order with the claims they bear on and
 * their stance; a source with none says "Not discussed". Above, a summary per source (claims;
 * supported and contradicted by each other source); below, the links between claims of different
 * sources. Every passage opens in the reader at its ¶. Prints without controls; exports Markdown
 * with citations. Follows every store change. The route is the source of truth: the picker sets
 * `location.hash`.
 */
@customElement('cr-events-view')
export class CrEventsView extends LitElement {
  static override styles = [controlStyles, badgeStyles, pageStyles, eventsStyles, layerMarkStyles];

  /** Sources of the library (metadata), in the library's order. */
  @property({ attribute: false }) accessor entries: readonly LibraryEntry[] = [];
  /** Loads a source's document model (to give each passage its ¶). */
  @property({ attribute: false }) accessor documents: ((id: string) => Promise<DocModel>) | undefined;
  /** The event compared, by id; `''` for none. */
  @property() accessor eventId = '';
  /** The tag compared when no event is; `''` for none. */
  @property() accessor tag = '';

  /** Bumped when a source's document arrives, so ¶ numbers fill in. */
  @state() private accessor loaded = 0;

  readonly #data = new StoreController(this);
  #paragraphs: Paragraphs | undefined;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('documents') || !this.#paragraphs) this.#paragraphs = new Paragraphs(this.documents, () => this.loaded++);
  }

  override render() {
    const store = this.#data.store;
    if (!store) return nothing;
    const events = store.eventsByStart().filter(store.isShown);
    const tags = this.#tags();
    const event = this.eventId ? store.getEvent(this.eventId) : undefined;
    const topic: Topic | undefined = event ? { kind: 'event', id: event.id } : this.tag ? { kind: 'tag', tag: this.tag } : undefined;
    const cmp = topic ? compareTopic(shownData(store), topicSources(this.entries.map((e) => e.id), store.annotations.values()), topic) : undefined;
    const { title, sub } = this.#heading(event);
    return html`<div class="page">
      <header>
        <div><h1>${title}</h1>${sub ? html`<p class="sub">${sub}</p>` : nothing}</div>
        <div class="controls">
          ${events.length || tags.length ? this.#picker(events, tags) : nothing}
          ${cmp ? html`<button type="button" @click=${() => void this.#export(cmp, title, sub)}>Export Markdown</button>
            <button type="button" @click=${() => window.print()}>Print</button>` : nothing}
        </div>
      </header>
      <cr-layer-legend></cr-layer-legend>
      ${this.#body(events, tags, event, cmp)}
    </div>`;
  }

  #heading(event: EventRecord | undefined): { title: string; sub?: string } {
    if (event) return { title: `Compare sources on “${event.name}”`, sub: `Event, ${formatRange(event.start, event.end)}` };
    if (this.tag) return { title: `Compare sources on the tag “${this.tag}”` };
    return { title: 'Compare sources on an event' };
  }

  #body(events: readonly EventRecord[], tags: string[], event: EventRecord | undefined, cmp: TopicComparison | undefined) {
    if (this.eventId && !event) {
      return html`<div class="empty" role="status"><h2>This event no longer exists</h2>
        <p>It may have been deleted or merged into another, here or in another tab. ${events.length ? 'Pick another event above.' : html`Create events in <a href="#/claims">Claims</a>.`}</p></div>`;
    }
    if (!cmp) {
      if (!events.length && !tags.length) {
        return html`<div class="empty"><h2>No events yet</h2>
          <p>An event (“Almaty violence, 4–6 January 2022”) groups what each source says about one thing that happened.
            Create one in the Events list of <a href="#/claims">Claims</a>, then file passages under it in the reader (select a passage, <b>Note</b> or <b>Tag</b>, tick the event) and claims in Claims.
            Here, the sources then stand side by side on it: what each says, where they agree and where they contradict each other.</p></div>`;
      }
      return html`<div class="empty"><h2>Pick an event or a tag</h2><p>Choose above what to compare the sources on.</p>
        ${events.length ? html`<ul class="plain">${events.map((e) => html`<li><a href=${routeHash({ view: 'events', event: e.id })}>${e.name}</a> (${formatRange(e.start, e.end)})</li>`)}</ul>` : nothing}</div>`;
    }
    if (cmp.empty) {
      return html`<div class="empty" role="status"><h2>Nothing is filed under ${event ? 'this event' : 'this tag'} yet</h2>
        <p>No passage and no claim. In the reader, select a passage and file it under ${event ? `“${event.name}” (Note or Tag, tick the event)` : `the tag “${this.tag}”`};
          in <a href="#/claims">Claims</a>, add it to a claim. Each source’s passages and claims then show here in a column of their own.</p></div>`;
    }
    const context = this.#columnContext(event ? 'event' : 'tag');
    return html`${this.#summary(cmp)}
      <h2 id="sources">By source</h2>
      <p class="hint">Each source’s passages in reading order. <span aria-hidden="true">◷</span> marks a passage filed under this ${event ? 'event' : 'tag'};
        the others are cited by a claim about it. Open a passage to read it in its place.</p>
      <div class="columns" role="group" aria-labelledby="sources">${cmp.columns.map((col) => columnTemplate(col, context))}</div>
      ${this.#links(cmp)}
      ${cmp.unplaced.length
        ? html`<h2 id="unplaced">Claims with no passage</h2>
          <ul class="plain" aria-labelledby="unplaced">${cmp.unplaced.map((c) => html`<li><a href=${routeHash({ view: 'claims', claim: c.id })}>${c.statement}</a></li>`)}</ul>`
        : nothing}`;
  }

  #picker(events: readonly EventRecord[], tags: string[]) {
    const value = this.eventId ? `event:${this.eventId}` : this.tag ? `tag:${this.tag}` : '';
    return html`<label>Compare on
      <select name="topic" @change=${this.#pick}>
        ${value ? nothing : html`<option value="" selected>Choose an event or tag…</option>`}
        ${events.length ? html`<optgroup label="Events">${events.map((e) => html`<option value="event:${e.id}" ?selected=${value === `event:${e.id}`}>${e.name} (${formatRange(e.start, e.end)})</option>`)}</optgroup>` : nothing}
        ${tags.length ? html`<optgroup label="Tags">${tags.map((t) => html`<option value="tag:${t}" ?selected=${value === `tag:${t}`}>${t}</option>`)}</optgroup>` : nothing}
      </select></label>`;
  }

  #summary(cmp: TopicComparison) {
    const cite = (s: string) => this.#cite(s);
    const others = cmp.columns.map((c) => c.source);
    return html`<h2 id="summary">Summary</h2>
      <table aria-labelledby="summary">
        <thead><tr><th scope="col">Source</th><th scope="col">Claims</th>${others.map((s) => html`<th scope="col">By ${cite(s)}: supported / contradicted</th>`)}</tr></thead>
        <tbody>${cmp.summary.map((row) => html`<tr data-source=${row.source}>
          <th scope="row">${cite(row.source)}</th><td class="n">${row.claims}</td>
          ${others.map((s) => {
            const o = row.others.find((x) => x.source === s);
            return o
              ? html`<td class="n" data-other=${s}><span class=${o.supported ? 'num-pos' : ''}>${o.supported} supported</span> / <span class=${o.contradicted ? 'num-neg' : ''}>${o.contradicted} contradicted</span></td>`
              : html`<td class="n"><span class="sr-only">itself</span>—</td>`;
          })}
        </tr>`)}</tbody>
      </table>`;
  }

  #links(cmp: TopicComparison) {
    return html`<h2 id="links">Links between sources</h2>
      ${cmp.links.length
        ? html`<ul class="links" aria-labelledby="links">${cmp.links.map((x) => html`<li data-link=${x.link.id}>
            <span><span class="who">${this.#cite(x.leftSource)}:</span> <a href=${routeHash({ view: 'claims', claim: x.left.id })}>${x.left.statement}</a></span>
            <span>${linkBadge(x)}</span>
            <span><span class="who">${this.#cite(x.rightSource)}:</span> <a href=${routeHash({ view: 'claims', claim: x.right.id })}>${x.right.statement}</a></span>
            ${x.link.rationale ? html`<span class="why">${x.link.rationale}</span>` : nothing}
          </li>`)}</ul>`
        : html`<p class="hint">No claims of different sources on this are linked yet. Link them in <a href="#/claims">Claims</a> (<b>Link to…</b>).</p>`}`;
  }

  #columnContext(kind: string): ColumnContext {
    return {
      kind,
      look: (layer) => foreignLook(looksOf(this.#data.store), layer),
      cite: (s) => this.#cite(s),
      title: (s) => this.entries.find((e) => e.id === s)?.title,
      openable: (s) => this.entries.some((e) => e.id === s),
      paragraphOf: (p) => this.#paragraphOf(p.annotation),
    };
  }

  // Only sources in the library can be loaded; a reader's file not open now has no ¶ to give.
  #paragraphOf(a: Annotation) {
    return this.entries.some((e) => e.id === a.target.source) ? this.#paragraphs?.of(a) : null;
  }

  #cite(source: string): string {
    return citeOf(this.entries, source);
  }

  // Every tag on a passage or claim, alphabetically.
  #tags(): string[] {
    const store = this.#data.store;
    if (!store) return [];
    const all = new Set<string>();
    for (const a of store.annotations.values()) if (store.isShown(a)) for (const t of tagsOf(a)) all.add(t);
    for (const c of store.claims.values()) if (store.isShown(c)) for (const t of c.tags) all.add(t);
    return [...all].sort((a, b) => a.localeCompare(b));
  }

  #pick = (e: Event) => {
    const value = (e.target as HTMLSelectElement).value;
    const [kind, ...rest] = value.split(':');
    const id = rest.join(':');
    if (!id) return;
    location.hash = routeHash(kind === 'event' ? { view: 'events', event: id } : { view: 'events', tag: id });
  };

  async #export(cmp: TopicComparison, title: string, subtitle: string | undefined): Promise<void> {
    // A source still loading would leave its passages without ¶ in the file: wait for them.
    await this.#paragraphs?.ready(this.entries.map((e) => e.id));
    const text = topicMarkdown(cmp, {
      title,
      subtitle,
      meta: (s) => this.entries.find((e) => e.id === s),
      paragraphOf: (a) => this.#paragraphOf(a),
    });
    const name = (this.eventId ? this.#data.store?.getEvent(this.eventId)?.name : this.tag) ?? 'topic';
    downloadText(`${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'topic'}-by-source.md`, text, 'text/markdown');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-events-view': CrEventsView;
  }
}
