/**
 * Where claims stand on the argument map (ADR 0011): one settings record per claim,
 * `mapPos:<claim id>`. What the store's map actions change; pure over a `ChangeSet`.
 */
import type { ChangeSet } from './changeset.ts';
import { mapPositionId, type MapPosition, type MapPositionSetting, type Setting } from './records.ts';

const PREFIX = 'mapPos:';

const isPosition = (s: Setting): s is MapPositionSetting => s.id.startsWith(PREFIX);

/** Every stored position by claim id, positions of claims that no longer exist left out. */
export function positionsOf(settings: Iterable<Setting>, claims: { has(id: string): boolean }): Map<string, MapPosition> {
  const out = new Map<string, MapPosition>();
  for (const s of settings) {
    if (!isPosition(s)) continue;
    const id = s.id.slice(PREFIX.length);
    if (claims.has(id)) out.set(id, s.value);
  }
  return out;
}

/**
 * Stores positions of existing claims (others are skipped; a position rounded to whole units, as
 * drawn); unchanged ones write nothing. With `prune`, also drops the positions of claims that no
 * longer exist (deleted in another tab, by an import, by an undo), so none stays forever.
 * Returns the positions written.
 */
export function putPositions(cs: ChangeSet, positions: Iterable<[string, MapPosition]>, prune: boolean): Map<string, MapPosition> {
  const written = new Map<string, MapPosition>();
  for (const [claimId, p] of positions) {
    if (!cs.get('claims', claimId)) continue;
    const value = { x: Math.round(p.x), y: Math.round(p.y) };
    const old = cs.get('settings', mapPositionId(claimId));
    if (old && isPosition(old) && old.value.x === value.x && old.value.y === value.y) continue;
    cs.put('settings', { id: mapPositionId(claimId), value });
    written.set(claimId, value);
  }
  if (prune) {
    for (const s of [...cs.values('settings')]) {
      if (isPosition(s) && !cs.get('claims', s.id.slice(PREFIX.length))) cs.remove('settings', s.id);
    }
  }
  return written;
}

/** Drops the positions of claims being deleted, in the same step (and back with them on undo). */
export function dropPositions(cs: ChangeSet, claimIds: Iterable<string>): void {
  for (const id of claimIds) if (cs.get('settings', mapPositionId(id))) cs.remove('settings', mapPositionId(id));
}
