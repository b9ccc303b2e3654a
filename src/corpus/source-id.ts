/**
 * Ids of sources that are not built in: a user's file opened in a tab and a source added to the
 * library (ADR 0014) are named the same way, so the same text under the same name is the same
 * source, and its passages come back. Pure and light: the app shell names sources with it
 * without loading the Markdown pipeline.
 */
import { hashString } from './hash.ts';

/** Lower-case ASCII slug of a file name or title. */
export function slugify(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

/**
 * The id of a user's file: its name for reading, its text for identity. Annotations are keyed
 * by source id, so a different file that happens to have the same name never inherits them,
 * and the same file opened again (any tab, any day) finds them. The `user-` prefix keeps it
 * apart from the built-in sources.
 */
export function userSourceId(slug: string, text: string): string {
  const name = slug.replace(/^user-/, '').slice(0, 48).replace(/-+$/, '') || 'file';
  return `user-${name}-${hashString(text, 10)}`;
}
