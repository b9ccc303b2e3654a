import { LitElement, html, css, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { CollectionName, QuarantinedRecord } from '../../store/index.ts';
import { quarantineFile } from '../../exchange/quarantine-file.ts';
import { controlStyles } from '../shared/control-styles.ts';
import { downloadText } from '../shared/download.ts';
import { NotifyEvent } from '../shared/events.ts';
import { StoreController } from '../store/store-controller.ts';

const KIND: Record<CollectionName, string> = {
  annotations: 'Passage',
  settings: 'Setting',
  claims: 'Claim',
  links: 'Link',
  events: 'Event',
  sources: 'Source',
};

// Enough of a stored value to recognise it; the export has it whole.
const PREVIEW_LENGTH = 2000;

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text;
}

/**
 * The settings section on damaged records: those the store found unreadable
 * in this browser's data and set aside on loading (`store.quarantined`),
 * each with its kind, id and the reason, and the stored value on demand; an
 * export of them all as JSON. They stay in the database as they are.
 *
 * @fires cr-notify - after the export started
 */
@customElement('cr-quarantine')
export class CrQuarantine extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host { display: block; }
      p { margin: 0 0 0.7rem; max-width: 62ch; }
      table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin-top: 0.8rem; }
      caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
      th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem 0.4rem 0; border-top: 1px solid var(--cr-rule); }
      th { font-size: 0.75rem; color: var(--cr-ink-faint); font-weight: 600; }
      code { font-size: 0.78rem; word-break: break-all; }
      pre { max-height: 14rem; overflow: auto; font-size: 0.75rem; background: var(--cr-panel); padding: 0.5rem; border-radius: 4px; white-space: pre-wrap; word-break: break-all; }
      summary { cursor: pointer; color: var(--cr-link); font-size: 0.8rem; }
    `,
  ];

  readonly #data = new StoreController(this);

  override render() {
    const records = this.#data.store?.quarantined ?? [];
    if (records.length === 0) {
      return html`<p class="empty">No damaged records: everything saved in this browser was read and loaded.</p>`;
    }
    return html`<p>
        ${records.length === 1 ? 'One record' : `${records.length} records`} saved in this browser could not be read by this
        version of Crossread. ${records.length === 1 ? 'It was' : 'They were'} set aside as stored: nothing was changed or
        deleted, and the rest of your work loaded without ${records.length === 1 ? 'it' : 'them'}. Where a claim cites one, it
        says so. Export them to keep a copy, or to have them repaired.
      </p>
      <div class="actions"><button type="button" class="primary" @click=${this.#export}>Export as JSON</button></div>
      <table>
        <caption>Damaged records</caption>
        <thead><tr><th scope="col">Kind</th><th scope="col">Id</th><th scope="col">Why it was set aside</th></tr></thead>
        <tbody>${records.map((r) => this.#row(r))}</tbody>
      </table>`;
  }

  #row(r: QuarantinedRecord) {
    return html`<tr data-collection=${r.collection} data-id=${r.id ?? nothing}>
      <td>${KIND[r.collection]}</td>
      <td>${r.id === undefined ? html`<span class="hint">no id</span>` : html`<code>${r.id}</code>`}</td>
      <td><span class="reason">${r.reason}</span>
        <details><summary>Stored value</summary><pre>${preview(r.value)}</pre></details></td>
    </tr>`;
  }

  #export = (): void => {
    const records = this.#data.store?.quarantined ?? [];
    const { name, text } = quarantineFile(records, new Date());
    downloadText(name, text);
    this.dispatchEvent(new NotifyEvent(`Exported ${records.length === 1 ? '1 damaged record' : `${records.length} damaged records`} to ${name}`));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-quarantine': CrQuarantine;
  }
}
