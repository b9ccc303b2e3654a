import { LitElement, html, css } from 'lit';
import { customElement, query } from 'lit/decorators.js';

// Every shortcut, by where it works (the README's lists, in one place).
const GROUPS: Array<[string, Array<[string, string]>]> = [
  ['Everywhere', [
    ['/', 'Search the sources, claims, notes, tags and events'],
    ['Ctrl/⌘ + Z', 'Undo the last change'],
    ['Ctrl/⌘ + Shift + Z', 'Redo'],
    ['Esc', 'Cancel editing, close a dialog or this help'],
    ['?', 'Show this help'],
  ]],
  ['Reading', [
    ['j / k', 'Next / previous paragraph'],
    ['A', 'To the annotations beside the text (the open one\u2019s card)'],
    ['Shift + → / ←', 'Select from the focused paragraph a word at a time, or extend / shrink the selection (also in Compare)'],
    ['Shift + ↓ / ↑', 'Extend / shrink the selection by a line'],
    ['Shift + End / Home', 'Extend the selection to the paragraph\'s end / start'],
    ['H', 'Highlight the selected passage (also in Compare)'],
    ['N', 'Add a note to the selected passage'],
    ['T', 'Tag the selected passage'],
    ['C', 'Make a claim from the selected passage'],
    ['E', 'Add the selected passage as evidence to a claim'],
    ['R', 'Passages of the other sources related to the selected passage'],
    ['Ctrl/⌘ + Enter', 'Save the note or claim being edited'],
    ['Esc', 'Clear the selection'],
  ]],
  ['Map', [
    ['Tab', 'Reach the map'],
    ['← ↑ → ↓', 'Move to the nearest claim that way'],
    ['Enter', 'Open the claim'],
    ['Delete', 'Delete the claim (with Undo)'],
    ['L', 'Link the claim: arrows to another, Enter (Esc cancels)'],
    ['+ / − / 0', 'Zoom in / out / fit the map'],
  ]],
  ['Search box', [
    ['↓ / ↑', 'Move through the results'],
    ['Enter', 'Open the result'],
    ['Esc', 'Close the results; again, empty the box'],
  ]],
];

/** The keyboard shortcuts, in a modal dialog the app shell opens on `?` in every view. */
@customElement('cr-help')
export class CrHelp extends LitElement {
  static override styles = css`
    dialog { border: 1px solid var(--cr-rule); border-radius: 10px; background: var(--cr-card); color: var(--cr-ink); padding: 1.2rem 1.4rem; max-width: 34rem; max-height: 85vh; overflow: auto; font: 0.92rem/1.5 var(--cr-sans); }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    h2 { margin: 0 0 0.8rem; font-size: 1.1rem; }
    h2:focus { outline: none; }
    table { border-collapse: collapse; width: 100%; margin-bottom: 0.6rem; table-layout: fixed; }
    caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
    th { text-align: left; padding: 0.3rem 1rem 0.3rem 0; white-space: nowrap; width: 10.5rem; }
    td { padding: 0.3rem 0; color: var(--cr-ink-soft); }
    kbd { font: 0.82rem var(--cr-mono); background: var(--cr-panel); border: 1px solid var(--cr-rule); border-radius: 4px; padding: 0.05rem 0.35rem; }
    button { margin-top: 1rem; font: 600 0.85rem var(--cr-sans); padding: 0.4rem 0.9rem; border-radius: 6px; border: 1px solid var(--cr-rule); background: var(--cr-bg); color: var(--cr-ink); cursor: pointer; }
    button:focus-visible { outline: 2px solid var(--cr-focus); }
  `;

  @query('dialog') private accessor dialog!: HTMLDialogElement;

  /** Open the help. */
  show(): void {
    if (this.dialog.open) return;
    this.dialog.showModal();
    // Its title takes focus, so the list opens at its top, not scrolled down to Close.
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    return html`<dialog aria-labelledby="help-title">
      <h2 id="help-title" tabindex="-1">Keyboard shortcuts</h2>
      ${GROUPS.map(([where, keys]) => html`<table>
        <caption>${where}</caption>
        ${keys.map(([k, what]) => html`<tr><th scope="row"><kbd>${k}</kbd></th><td>${what}</td></tr>`)}</table>`)}
      <p>Select text with the mouse, touch or Shift + arrow keys (from the paragraph j / k focused), then use the toolbar or the keys above.</p>
      <form method="dialog"><button>Close</button></form>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cr-help': CrHelp;
  }
}
