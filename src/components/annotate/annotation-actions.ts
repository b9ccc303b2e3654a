import { html } from 'lit';
import type { DocModel } from '../../corpus/types.ts';
import { routeHash } from '../../app/route.ts';
import { targetFor } from '../../annotate/anchored.ts';
import { deletionMessage, type Annotation, type AnnotationChange, type Claim, type CrossreadStore, type Stance } from '../../store/index.ts';
import type { CrConfirmDialog } from '../shared/cr-confirm-dialog.ts';
import { NotifyEvent, type NotifyAction } from '../shared/events.ts';
import { claimName } from '../../map/words.ts';

/** A passage of a document's text, as offsets [start, end). */
export interface Passage {
  start: number;
  end: number;
}

/** What an annotation form holds. */
export interface AnnotationFields {
  note: string;
  tags: string[];
  events: string[];
}

/**
 * The annotation panel's writes. Under ADR 0005 the component that has what a write needs
 * calls the store action itself; these are those calls, each one store action (validated,
 * atomic, undoable), apart from the panel's rendering. A refusal becomes a toast: the store
 * guarantees nothing changed. Toasts of undoable actions carry the action's own undo handle.
 */
export class AnnotationActions {
  readonly #host: HTMLElement;
  readonly #store: () => CrossreadStore | undefined;

  /** `host` dispatches the toasts; `store` reads the store the host is given now. */
  constructor(host: HTMLElement, store: () => CrossreadStore | undefined) {
    this.#host = host;
    this.#store = store;
  }

  /** Saves a note, tags and events as a new annotation on `passage`. */
  async save(doc: DocModel, passage: Passage, fields: AnnotationFields): Promise<Annotation | undefined> {
    const done = await this.#run((s) => s.createAnnotation({ target: targetFor(doc, passage.start, passage.end), ...fields }), 'Could not save the annotation');
    return done?.value;
  }

  /**
   * Saves an edit of annotation `id`. A refusal goes to `refused`, not to a toast: the editor
   * stays open with the text and says why (or that another tab changed the annotation).
   */
  async edit(id: string, change: AnnotationChange, refused: (error: unknown) => void): Promise<Annotation | undefined> {
    const store = this.#store();
    if (!store) return undefined;
    try {
      return (await store.updateAnnotation(id, change)).value;
    } catch (err) {
      refused(err);
      return undefined;
    }
  }

  // The passage and the claim it backs are one action: saved together or not at all, one undo step.
  /** Saves a passage as the first evidence of a new claim; the toast offers Undo and to open the claim. */
  async claimFromPassage(doc: DocModel, passage: Passage, claim: { statement: string; stance: Stance; tags: string[] }): Promise<{ annotation: Annotation; claim: Claim } | undefined> {
    const target = targetFor(doc, passage.start, passage.end);
    const made = await this.#run((s) => s.createClaimFromPassage({ target, tags: claim.tags }, claim), 'Could not save the claim');
    if (!made) return undefined;
    const id = made.value.claim.id;
    // Named, as toasts stack: two "Claim saved" side by side would not say whose Undo is whose.
    this.#host.dispatchEvent(new NotifyEvent(`Claim saved: ${claimName(made.value.claim.statement)}`, made, { label: 'Open', run: () => (location.hash = routeHash({ view: 'claims', claim: id })) }));
    return made.value;
  }

  /** Saves a passage and adds it to a claim's evidence, as one action; the toast offers Undo. */
  async evidenceFromPassage(doc: DocModel, passage: Passage, claimId: string, stance: Stance): Promise<Annotation | undefined> {
    const target = targetFor(doc, passage.start, passage.end);
    const added = await this.#run((s) => s.addPassageAsEvidence(claimId, { target }, stance), 'Could not add the evidence');
    if (!added) return undefined;
    this.#say(`Added as evidence to “${added.value.claim.statement}”`, added);
    return added.value.annotation;
  }

  /**
   * Deletes an annotation. A passage that is evidence: says which claims cite it and lets the
   * reader choose, through `confirm`, whether claims left without evidence go too.
   */
  async remove(id: string, confirm: CrConfirmDialog): Promise<boolean> {
    const citing = this.#store()?.claimsCitingAnnotation(id) ?? [];
    let orphanedClaims: 'keep' | 'delete' = 'keep';
    if (citing.length) {
      const yes = await confirm.ask({
        title: 'Delete a passage that is evidence?',
        body: html`<p>This passage is evidence for ${citing.length === 1 ? 'a claim' : `${citing.length} claims`}:</p>
          <ul>${citing.map((c) => html`<li>${c.statement}</li>`)}</ul>
          <label class="check"><input type="checkbox" name="also-claims"
            @change=${(ev: Event) => (orphanedClaims = (ev.target as HTMLInputElement).checked ? 'delete' : 'keep')} />
            Also delete claims left without evidence</label>`,
        confirm: 'Delete passage',
        danger: true,
      });
      if (!yes) return false;
    }
    const result = await this.#run((s) => s.deleteAnnotations([id], { orphanedClaims }), 'Could not delete the annotation');
    if (!result) return false;
    this.#say(deletionMessage('Passage', result), result);
    return true;
  }

  /** Re-attaches an orphan to the passage last selected in the text. */
  async reattach(doc: DocModel, id: string, passage: Passage | undefined): Promise<Annotation | undefined> {
    if (!passage) {
      this.#say('Select the passage in the text first, then press Re-attach.');
      return undefined;
    }
    const done = await this.#run((s) => s.updateAnnotation(id, { target: targetFor(doc, passage.start, passage.end) }), 'Could not re-attach the annotation');
    return done?.value;
  }

  /**
   * Stores the place a fuzzy match found for a passage annotated on an earlier text: its quote,
   * context and position in the text now, and the text's hash. One undoable edit.
   */
  async acceptPlace(doc: DocModel, id: string, passage: Passage): Promise<Annotation | undefined> {
    const done = await this.#run((s) => s.updateAnnotation(id, { target: targetFor(doc, passage.start, passage.end) }), 'Could not store the new place');
    if (done) this.#say('New place of the passage stored', done);
    return done?.value;
  }

  /** Sets the name put on the reader's annotations (a preference, not undoable). */
  async setName(name: string): Promise<void> {
    await this.#run((s) => s.setCreatorName(name), 'Could not save your name');
  }

  async #run<T>(run: (store: CrossreadStore) => Promise<T>, failure: string): Promise<T | undefined> {
    const store = this.#store();
    if (!store) return undefined;
    try {
      return await run(store);
    } catch (err) {
      this.#say(`${failure}: ${(err as Error).message}`);
      return undefined;
    }
  }

  #say(message: string, action?: NotifyAction): void {
    this.#host.dispatchEvent(new NotifyEvent(message, action));
  }
}
