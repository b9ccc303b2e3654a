import { html } from 'lit';
import { fieldText } from '../shared/form-fields.ts';

/** How a source is named and cited: what adding asks for and editing changes. */
export interface SourceDetails {
  title: string;
  authors: string[];
  year: number | undefined;
}

/** The title, authors and year fields, filled with `source`'s when it is edited. */
export function detailFields(source?: { title: string; authors: readonly string[]; year?: number }) {
  return html`<label>Title (required)<input name="title" autocomplete="off" .value=${source?.title ?? ''} /></label>
    <label>Authors, one per line<textarea name="authors" rows="2" .value=${source?.authors.join('\n') ?? ''}></textarea></label>
    <label>Year<input name="year" inputmode="numeric" autocomplete="off" .value=${source?.year?.toString() ?? ''} /></label>`;
}

/** Why the detail fields cannot be taken, and the field to correct. */
export interface DetailsError {
  error: string;
  field: 'title' | 'year';
}

/** What the detail fields of a submitted form say, or why they cannot be taken. */
export function readDetails(data: FormData): SourceDetails | DetailsError {
  const title = fieldText(data, 'title');
  const yearText = fieldText(data, 'year').trim();
  const year = yearText ? Number(yearText) : undefined;
  if (!title.trim()) return { error: 'Give the source a title.', field: 'title' };
  if (year !== undefined && (!Number.isInteger(year) || year < -5000 || year > 10_000)) return { error: 'The year must be a whole number, for example 2023.', field: 'year' };
  return { title, authors: fieldText(data, 'authors').split('\n'), year };
}
