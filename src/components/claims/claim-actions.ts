import { html } from 'lit';
import { deletionMessage, type CrossreadStore } from '../../store/index.ts';
import { NotifyEvent } from '../shared/events.ts';
import { RELATION_LOOK, badge } from '../shared/relations.ts';
import { SET_ASIDE } from '../shared/set-aside.ts';
import type { CrConfirmDialog } from '../shared/cr-confirm-dialog.ts';
import type { ClaimIntent } from './claim-events.ts';
import type { CrLinkDialog } from './cr-link-dialog.ts';
import type { CrMergeDialog } from './cr-merge-dialog.ts';
import { claimName, linkSide } from '../../map/words.ts';
import { foreignLook, looksOf } from '../layers/layer-look.ts';

/**
 * Deleting a claim, the same from every view that shows it (claims list, map): ask first,
 * listing the links that go with it; then delete and tell `host`'s toast, with Undo. Resolves
 * true once deleted; false when the reader said no or the store refused (the toast says why).
 * Another layer's claim (ADR 0013; e.g. Delete pressed on its map node) is not the reader's to
 * delete: the toast says so.
 */
async function deleteClaim(host: HTMLElement, confirm: CrConfirmDialog, store: CrossreadStore, id: string): Promise<boolean> {
  const claim = store.getClaim(id);
  if (!claim) return false;
  const other = foreignLook(looksOf(store), claim.layer);
  if (other) {
    host.dispatchEvent(new NotifyEvent(`This claim is from ${other.from}: it is read-only here.`));
    return false;
  }
  const links = store.linksOf(id);
  const ok = await confirm.ask({
    title: 'Delete this claim?',
    body: html`<p>“${claim.statement}”</p>
      ${links.length
        ? html`<p>${links.length === 1 ? 'Its link goes' : `Its ${links.length} links go`} with it:</p>
            <ul class="gone">${links.map((l) => {
              const side = linkSide(l, id);
              return html`<li>${badge({ ...RELATION_LOOK[l.relation], label: side.words })} ${store.getClaim(side.other)?.statement ?? (store.isQuarantined('claims', side.other) ? SET_ASIDE.claims : '')}</li>`;
            })}</ul>`
        : html`<p>It has no links.</p>`}
      <p>Its passages stay in the sources as annotations. You can undo this.</p>`,
    confirm: 'Delete claim',
    danger: true,
  });
  if (!ok) return false;
  try {
    const result = await store.deleteClaims([id]);
    // Gone while the dialog asked (another tab deleted it, or merged it away): nothing to undo.
    if (!result.removed.length) {
      host.dispatchEvent(new NotifyEvent('The claim was already gone (deleted or merged in another tab): nothing was deleted.'));
      return false;
    }
    // Named, as toasts stack (like "Linked: …" and "Merged into …").
    host.dispatchEvent(new NotifyEvent(deletionMessage(`Claim ${claimName(claim.statement)}`, result), result));
    return true;
  } catch (err) {
    host.dispatchEvent(new NotifyEvent((err as Error).message));
    return false;
  }
}

/** The dialogs through which a view acts on a claim card's intents. */
export interface ClaimDialogs {
  link: CrLinkDialog;
  merge: CrMergeDialog;
  confirm: CrConfirmDialog;
}

/**
 * A card's Link to…, Merge into… or Delete…, the same in every view that shows cards. Resolves
 * true once the claim was deleted (the view then lets go of it), else false.
 */
export async function actOnClaim(host: HTMLElement, dialogs: ClaimDialogs, store: CrossreadStore, intent: ClaimIntent, id: string): Promise<boolean> {
  if (intent === 'link') void dialogs.link.open(id);
  else if (intent === 'merge') void dialogs.merge.open(id);
  else return deleteClaim(host, dialogs.confirm, store, id);
  return false;
}
