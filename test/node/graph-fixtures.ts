import type { Placed } from '../../src/annotate/anchored.ts';
import type { Annotation } from '../../src/store/index.ts';
import { makeStore } from './claims-fixtures.ts';
import { target } from './store-fixtures.ts';

/** A passage placed in its text at [start, end). */
export const place = (annotation: Annotation, start: number, end = start + 10): Placed => ({ annotation, start, end, method: 'position' });

/** doc-a: a1 (claim A asserts), a2 (claim C mentions); doc-b: b1 (claim B asserts; A argues against);
 * links: A ⨯ B (contradicts), C ▲ A (supports, C → A); D has evidence in doc-c only, D ◆ A. */
export async function world() {
  const { store, persistence } = await makeStore();
  const a1 = (await store.createAnnotation({ target: target('doc-a', 0) })).value;
  const a2 = (await store.createAnnotation({ target: target('doc-a', 100) })).value;
  const b1 = (await store.createAnnotation({ target: target('doc-b', 0) })).value;
  const c1 = (await store.createAnnotation({ target: target('doc-c', 0) })).value;
  const A = (await store.createClaim({ statement: 'Forces were stood down on purpose', evidence: { annotation: a1.id, stance: 'asserts' } })).value;
  const B = (await store.createClaim({ statement: 'Forces were overwhelmed', evidence: { annotation: b1.id, stance: 'asserts' } })).value;
  const C = (await store.createClaim({ statement: 'The elite was split', evidence: { annotation: a2.id, stance: 'mentions' } })).value;
  const D = (await store.createClaim({ statement: 'Only in Almaty', evidence: { annotation: c1.id, stance: 'asserts' } })).value;
  await store.addEvidence(A.id, { annotation: b1.id, stance: 'argues-against' });
  const AB = (await store.createLink({ relation: 'contradicts', from: A.id, to: B.id, rationale: 'One or the other' })).value;
  const CA = (await store.createLink({ relation: 'supports', from: C.id, to: A.id })).value;
  const DA = (await store.createLink({ relation: 'qualifies', from: D.id, to: A.id })).value;
  return { store, persistence, a1, a2, b1, c1, A, B, C, D, AB, CA, DA };
}

