import { html, type TemplateResult } from 'lit';

/** One choice of a filter. */
export interface FilterOption {
  value: string;
  label: string;
}

/**
 * A labelled filter `<select>` with "All" first, as the claims view and the map show them. A
 * value no longer among the options (its last claim deleted, perhaps in another tab) stays
 * shown, marked "(none left)", until the reader changes it.
 */
export function filterSelect(name: string, label: string, value: string, options: readonly FilterOption[], onChange: (value: string) => void): TemplateResult {
  const shown = value && !options.some((o) => o.value === value) ? [...options, { value, label: `${value} (none left)` }] : options;
  return html`<label>${label}
    <select name=${name} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!value}>All</option>
      ${shown.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select></label>`;
}
