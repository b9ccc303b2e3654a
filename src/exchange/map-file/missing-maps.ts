/**
 * What a map file points at that neither it nor this installation holds, said as what to do.
 * A student's map carries only the student's layer, so its links to the instructor's claims
 * resolve only where the instructor's map was imported first; the file names that map
 * (`refers`), and an older file is told of as "another map". Pure.
 */
import { count } from '../../map/words.ts';
import type { MapLayer } from './format.ts';

/** Ids the file's records refer to, held neither by the file nor here. */
export interface Missing {
  claims: Set<string>;
  annotations: Set<string>;
  events: Set<string>;
}

/**
 * One problem for all of `missing`, undefined when nothing is: the maps the file answers that
 * are not `here` (a layer id test; `names` true, the message says all there is to do), else how
 * much it refers to of a map this reader lacks.
 */
export function missingMaps(missing: Missing, own: string, refers: readonly MapLayer[] | undefined, here: (layer: string) => boolean): { message: string; names: boolean } | undefined {
  const what = [
    missing.claims.size ? `links ${count(missing.claims.size, 'claim')}` : '',
    missing.annotations.size ? `cites ${count(missing.annotations.size, 'passage')}` : '',
    missing.events.size ? `names ${count(missing.events.size, 'event')}` : '',
  ].filter(Boolean);
  if (!what.length) return undefined;
  const answered = [...new Map((refers ?? []).filter((l) => l.id !== own).map((l) => [l.id, l])).values()];
  const absent = answered.filter((l) => !here(l.id));
  if (absent.length) {
    const one = absent.length === 1;
    return { message: `It answers ${listed(absent.map(mapName))}, which ${one ? 'is' : 'are'} not here: import ${one ? 'that map' : 'those maps'} first, then this one.`, names: true };
  }
  const [first, ...rest] = what;
  const refs = `It ${first}${rest.length ? ` (and ${listed(rest)})` : ''}`;
  // The maps it answers are here, but older than the one it was made on.
  if (answered.length === 1) return { message: `${refs} that ${mapName(answered[0]!)} here does not have: import its latest version first, then this one.`, names: false };
  return { message: `${refs} of another map that is not here: import the map it answers first, then this one.`, names: false };
}

/** "Dr. Sato’s map (instructor, HIST 210)". */
const mapName = (l: MapLayer) => `${l.name}’s map (${[l.role, l.course].filter(Boolean).join(', ')})`;

/** "a", "a and b", "a, b and c". */
const listed = (items: readonly string[]) => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
