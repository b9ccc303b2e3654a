/**
 * "Export everything" and "Restore from backup": every layer of this profile as claim-map
 * files in one file. Restoring reads each map with the usual checks — a reference may point into
 * another map of the backup — and hands all of them to the one door as one batch: all or nothing.
 * Pure.
 */
import type { DocModel } from '../../corpus/types.ts';
import type { Annotation, Claim, EventRecord, IncomingBatch, Link, SourceRecord } from '../../store/index.ts';
import { jsonDepth } from '../json-guard.ts';
import { MAX_DEPTH, MAX_FILE_CHARS, MAX_PROBLEMS, type MapFile, type MapLayer, type MapPosition } from './format.ts';
import { readMapFile, type MapFileProblem, type ReadContext } from './read.ts';
import { mapLayerOf, writeMapFile } from './write.ts';

export const BACKUP_FORMAT = 'crossread-backup';
export const BACKUP_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exported: string;
  /** One claim map per layer, the reader's own first. */
  maps: MapFile[];
}

export interface BackupContent {
  annotations: readonly Annotation[];
  claims: readonly Claim[];
  links: readonly Link[];
  events: readonly EventRecord[];
  positions: readonly MapPosition[];
  docs: readonly DocModel[];
  builtIn: ReadonlySet<string>;
  /** Sources the reader added: each map citing one carries it (ADR 0014). */
  sources?: readonly SourceRecord[];
  /** The reader's own layer and name. */
  localLayer: string;
  localName: string;
  /** What this reader knows of the other layers (name, role, course), so a restore names them again. */
  layers?: ReadonlyArray<MapLayer>;
  now: string;
}

/** Every layer's records, a map each. A layer from elsewhere is named as `layers` knows it, else by the author of its first record. */
export function writeBackup(c: BackupContent): BackupFile {
  const layers = new Map<string, string>([[c.localLayer, c.localName]]);
  for (const r of [...c.claims, ...c.annotations, ...c.links, ...c.events]) if (!layers.has(r.layer)) layers.set(r.layer, r.creator.name);
  const known = new Map((c.layers ?? []).map((l): [string, MapLayer] => [l.id, mapLayerOf(l)]));
  const maps = [...layers].map(([id, name]) => writeMapFile({ ...c, layer: id === c.localLayer ? { id, name, role: 'student' } : known.get(id) ?? { id, name, role: 'student' }, positions: c.positions }));
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exported: c.now, maps: maps.filter((m, i) => i === 0 || m.claims.length + m.annotations.length + m.links.length + m.events.length > 0) };
}

export type BackupRead = { ok: true; maps: MapFile[]; batch: IncomingBatch; notes: string[] } | { ok: false; problems: MapFileProblem[]; more: number };

/** Reads a backup: every map checked, references resolved across the maps, one batch. */
export function readBackup(text: string, ctx: ReadContext): BackupRead {
  const fail = (problems: MapFileProblem[]) => ({ ok: false as const, problems: problems.slice(0, MAX_PROBLEMS), more: Math.max(0, problems.length - MAX_PROBLEMS) });
  if (text.length > MAX_FILE_CHARS * 5) return fail([{ path: '', message: `The backup is ${(text.length / 1024 / 1024).toFixed(0)} MB; a backup can be at most ${(MAX_FILE_CHARS * 5) / 1024 / 1024} MB.` }]);
  if (jsonDepth(text) > MAX_DEPTH + 2) return fail([{ path: '', message: 'The backup nests deeper than any Crossread backup: it is damaged.' }]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail([{ path: '', message: /end of (JSON )?input|Unterminated/i.test((e as Error).message) ? 'The backup ends too early: it looks cut off.' : `The backup is not valid JSON (${(e as Error).message}).` }]);
  }
  const top = data as { format?: unknown; version?: unknown; maps?: unknown };
  if (!top || typeof top !== 'object' || top.format !== BACKUP_FORMAT) return fail([{ path: 'format', message: 'This is not a Crossread backup.' }]);
  if (top.version !== BACKUP_VERSION) {
    const newer = typeof top.version === 'number' && top.version > BACKUP_VERSION ? top.version : undefined;
    return fail([{ path: 'version', message: newer ? `It was made by a newer Crossread (backup version ${newer}); this one reads version ${BACKUP_VERSION}.` : 'The backup version must be 1.' }]);
  }
  if (!Array.isArray(top.maps)) return fail([{ path: 'maps', message: 'This should be a list of claim maps.' }]);
  // Ids anywhere in the backup: a map may cite records of another (a student's link to the instructor's claim).
  const ids = new Set<string>();
  for (const m of top.maps as unknown[]) {
    for (const c of ['annotations', 'claims', 'links', 'events'] as const) {
      const list = (m as Record<string, unknown> | null)?.[c];
      if (Array.isArray(list)) for (const r of list) if (typeof (r as { id?: unknown } | null)?.id === 'string') ids.add((r as { id: string }).id);
    }
  }
  const problems: MapFileProblem[] = [];
  const maps: MapFile[] = [];
  const put: Array<NonNullable<IncomingBatch['put']>[number]> = [];
  const notes = new Set<string>();
  // A source the reader added travels in every map citing it: its text is rendered once.
  const rendered = new Map<string, string | undefined>();
  const hashOf: ReadContext['hashOf'] = ctx.hashOf && ((t, format) => {
    const key = `${format}\n${t}`;
    if (!rendered.has(key)) rendered.set(key, ctx.hashOf!(t, format));
    return rendered.get(key);
  });
  (top.maps as unknown[]).forEach((m, i) => {
    const r = readMapFile(JSON.stringify(m), { ...ctx, hashOf, has: (c, id) => ids.has(id) || ctx.has(c, id) });
    if (!r.ok) return void problems.push(...r.problems.map((p) => ({ path: `maps[${i}]${p.path ? `.${p.path}` : ''}`, message: p.message })));
    maps.push(r.file);
    // A source the reader added travels in every map citing it; it is added once.
    const added = new Set(put.filter((p) => p.collection === 'sources').map((p) => (p.record as { id: string }).id));
    put.push(...(r.batch.put ?? []).filter((p) => p.collection !== 'sources' || !added.has((p.record as { id: string }).id)));
    r.notes.forEach((n) => notes.add(n));
  });
  if (problems.length) return fail(problems);
  // Events first, then passages, claims, links, across all maps: each may cite what comes before.
  const order = { sources: 0, events: 0, annotations: 1, claims: 2, links: 3 } as const;
  put.sort((a, b) => order[a.collection] - order[b.collection]);
  return { ok: true, maps, batch: { put, layers: maps.map((m) => m.layer) }, notes: [...notes] };
}
