/**
 * Reading submitted forms. `FormData` values are `string | File`; the forms
 * here hold only text fields, so a File (or a missing field) reads as ''
 * rather than being stringified to "[object File]".
 */

/** The text of field `name`: '' when it is missing or not text. */
export function fieldText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/** The texts of every field called `name` (checkboxes, multiple selects), in order; non-text values left out. */
export function fieldTexts(data: FormData, name: string): string[] {
  return data.getAll(name).filter((value): value is string => typeof value === 'string');
}
