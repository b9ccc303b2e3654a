/**
 * Shared by the action modules: what an action knows besides the state, and
 * lookups that fail with a message for the reader.
 */
import type { ChangeSet } from './changeset.ts';
import { StoreError } from './errors.ts';
import { RECORD_NOUN, type BuildContext, type CollectionName, type Collections } from './records.ts';

/** Everything an action needs besides the state; one `now` per action. */
export interface ActionContext {
  /** ISO timestamp of this action. */
  now: string;
  /** A fresh record id. */
  newId(): string;
  /** Name for `creator` of new records. */
  creatorName: string;
  /** Layer of new records: the local layer (ADR 0004). */
  layer: string;
}

/** The record, or an `invalid` error naming what is missing. */
export function need<C extends CollectionName>(cs: ChangeSet, c: C, id: string): Collections[C] {
  const record = cs.get(c, id);
  if (record === undefined) throw invalid(`There is no ${RECORD_NOUN[c]} ${id}.`);
  return record;
}

/** An `invalid` StoreError with a specific message. */
export function invalid(message: string): StoreError {
  return new StoreError('invalid', { message });
}

/** Context for building one new record. */
export function buildContext(ctx: ActionContext): BuildContext {
  return { id: ctx.newId(), now: ctx.now, creatorName: ctx.creatorName, layer: ctx.layer };
}

/** Records sorted oldest first, ties by id: a stable order for lists. */
export function byCreated<R extends { id: string; created: string }>(records: R[]): R[] {
  return records.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
}
