import { html } from 'lit';
import { previewRemoval, type CrossreadStore } from '../../store/index.ts';
import { NotifyEvent } from '../shared/events.ts';
import type { CrConfirmDialog } from '../shared/cr-confirm-dialog.ts';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Removing a source the reader added (ADR 0014): ask first, naming what goes with it (their
 * passages on it) and what it leaves changed (claims losing that evidence, kept); then remove in
 * one step and tell `host`'s toast, with Undo. Resolves true once removed.
 */
export async function removeSource(host: HTMLElement, confirm: CrConfirmDialog, store: CrossreadStore, id: string): Promise<boolean> {
  const source = store.sources.get(id);
  if (!source || !store.localLayer) return false;
  const p = previewRemoval(id, store.localLayer, store.annotations.values(), store.claims.values());
  const ok = await confirm.ask({
    title: 'Remove this source?',
    body: html`<p>“${source.title}” and its text leave the library.</p>
      <p>${p.annotations ? html`Your ${count(p.annotations, 'annotation')} on it ${p.annotations === 1 ? 'goes' : 'go'} with it.` : 'You have no annotations on it.'}</p>
      ${p.claimsLeftEmpty || p.claimsLosingEvidence
        ? html`<p>${p.claimsLeftEmpty ? html`${count(p.claimsLeftEmpty, 'claim')} will be left without evidence (kept). ` : ''}${p.claimsLosingEvidence
            ? html`${count(p.claimsLosingEvidence, 'claim')} will lose some of ${p.claimsLosingEvidence === 1 ? 'its' : 'their'} evidence.`
            : ''}</p>`
        : ''}
      ${p.othersKept ? html`<p>${count(p.othersKept, 'annotation')} from other people’s maps stay, unplaced until the source is back.</p>` : ''}
      <p>You can undo this.</p>`,
    confirm: 'Remove source',
    danger: true,
  });
  if (!ok) return false;
  try {
    const result = await store.removeSource(id);
    const n = result.value.annotations.length;
    const emptied = result.updated.claims.filter((c) => c.evidence.length === 0).length;
    const what = `Removed “${source.title}”${n ? ` with ${count(n, 'annotation')}` : ''}${emptied ? `; ${count(emptied, 'claim')} left without evidence` : ''}`;
    host.dispatchEvent(new NotifyEvent(what, result));
    return true;
  } catch (err) {
    host.dispatchEvent(new NotifyEvent((err as Error).message));
    return false;
  }
}
