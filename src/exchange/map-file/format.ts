/**
 * The claim-map file (`"format": "crossread-map", "version": 1`), documented for other tools
 * by docs/crossread-map.schema.json: the sources it refers to, the author's layer, the other
 * layers it answers, and the layer's annotations (W3C Web Annotations as stored), claims, links and events, with their
 * versions (ADR 0004), and map positions. What a receiver needs and nothing of the sender's
 * installation (settings never travel).
 */
import type { Annotation, Claim, EventRecord, Link, SourceFormat, Version } from '../../store/index.ts';

export const MAP_FORMAT = 'crossread-map';
export const MAP_VERSION = 1;

/** Larger files are refused before parsing: a semester's map is well under a megabyte. */
export const MAX_FILE_CHARS = 20 * 1024 * 1024;
/** Deeper nesting is refused before parsing: a valid file nests 7 levels at most. */
export const MAX_DEPTH = 32;
/** Problems listed at most; the rest are counted. */
export const MAX_PROBLEMS = 50;

/** Whose map it is. */
export interface MapLayer {
  /** The layer id every record of the file carries (`urn:uuid:`). */
  id: string;
  /** Display name of the author. */
  name: string;
  role: 'instructor' | 'student';
  course?: string;
}

/** A source the map refers to. */
export interface MapSource {
  id: string;
  title: string;
  /** Content hash of the text the passages were made on. */
  hash: string;
  /** Short citation, "Anisin 2026". */
  cite?: string;
  authors?: string[];
  year?: number;
  /** Full text, for a source the reader added (a receiver may not have it). */
  text?: string;
  /** For a source the reader added, the rest of its record (ADR 0014): with these, an import
   * adds the source to the receiver's library, so its passages can be opened there. */
  format?: SourceFormat;
  created?: string;
  modified?: string;
  /** Whose library it came from; may be another layer than the map's (a passage on someone else's source). */
  layer?: string;
  version?: Version;
}

/** A node position on the argument map, in map units. */
export interface MapPosition {
  claim: string;
  x: number;
  y: number;
}

export interface MapFile {
  format: typeof MAP_FORMAT;
  version: typeof MAP_VERSION;
  /** ISO time of export. */
  exported: string;
  layer: MapLayer;
  /** The other layers whose claims, passages or events the records point at (a student's map
   * answering the instructor's): the receiver must hold them first. Absent in older files. */
  refers?: MapLayer[];
  sources: MapSource[];
  annotations: Annotation[];
  claims: Claim[];
  links: Link[];
  events: EventRecord[];
  positions: MapPosition[];
}
