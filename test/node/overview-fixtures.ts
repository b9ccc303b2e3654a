// A small class on the real corpus: an instructor's map and two students' maps, each made
// through a store of its own (so each is a layer of its own), for the overview tests.
import { MemoryPersistence, layersOf, type Annotation, type Claim, type CrossreadStore, type Link, type Setting } from '../../src/store/index.ts';
import type { OverviewInput } from '../../src/map/overview/overview.ts';
import { makeStore } from './claims-fixtures.ts';
import { claimFrom, corpusDocs, docOf, passage } from './exchange-fixtures.ts';
import { fixedId } from './store-fixtures.ts';

/** Real passages of Duvanova & Junisbai 2022. */
export const Q = {
  stood: 'Second, the security forces, under the control of Abish, were de-mobilized at an opportune moment, leaving the city abandoned, rather than reinforced, in its hour of need.',
  stoodPart: 'the security forces, under the control of Abish, were de-mobilized at an opportune moment',
  disloyal: 'Well aware of the disloyalty of his own security services, Tokayev had no other choice.',
  label: 'By labeling protestors international terrorists, Tokayev sought to justify the use of military force against unarmed civilians and subsequent repression.',
  havoc: 'Violent actors, in contrast, were left to wreak havoc unhindered.',
};

const DJ = 'duvanova-junisbai-2022';

/** A store whose own layer is `layer` (a fixed id, so output is the same every run), its reader named `name`. */
async function person(layer: number, name: string, idBase: number) {
  const id = fixedId(0xf000 + layer);
  const { store } = await makeStore({ idBase, persistence: new MemoryPersistence({ identity: { replica: id, layer: id } }) });
  await store.setCreatorName(name);
  return store;
}

const link = async (store: CrossreadStore, relation: Link['relation'], from: Claim, to: Claim, rationale?: string) =>
  (await store.createLink({ relation, from: from.id, to: to.id, ...(rationale ? { rationale } : {}) })).value;

/**
 * Dr. Example (the instructor, the reader's own layer) against Ann and Ben:
 * - the stand-down ¶ is marked by both students (Ann twice, overlapping), the disloyalty ¶ too;
 * - Ann's and Ben's stand-down claims share the instructor's passage (Ann a part of it, Ben all
 *   of it and the same words), Ben's and Ann's disloyalty claims quote the instructor's passage,
 *   Ann words the label claim as the instructor does and Ben quotes its passage;
 * - the instructor: stand-down supports disloyalty, label contradicts stand-down. Ann's
 *   stand-down contradicts her disloyalty (disagrees); Ben's stand-down supports his label
 *   claim (disagrees, the other way round), his disloyalty supports his stand-down (another
 *   statement, the other way round) and his stand-down supports his disloyalty (agrees).
 */
export async function seminarClass() {
  const docs = await corpusDocs();
  const dj = docOf(docs, DJ);
  const teacher = await person(1, 'Dr. Example', 0);
  const iStood = await claimFrom(teacher, dj, Q.stood, 'Security forces under Abish were stood down on purpose');
  const iDisloyal = await claimFrom(teacher, dj, Q.disloyal, 'Tokayev called in the CSTO because his security services were disloyal');
  const iLabel = await claimFrom(teacher, dj, Q.label, 'The terrorist label justified repression');
  const iSupports = await link(teacher, 'supports', iStood.claim, iDisloyal.claim, 'Disloyal forces stand down');
  const iContradicts = await link(teacher, 'contradicts', iLabel.claim, iStood.claim);

  const ann = await person(2, 'Ann', 100);
  const aStood = await claimFrom(ann, dj, Q.stoodPart, 'Abish demobilised the security forces');
  await ann.createAnnotation(passage(dj, Q.stood));
  const aDisloyal = await claimFrom(ann, dj, Q.disloyal, 'Tokayev distrusted his services');
  const aLabel = await claimFrom(ann, dj, Q.havoc, 'The international terrorist label justified repression');
  const aContradicts = await link(ann, 'contradicts', aStood.claim, aDisloyal.claim, 'A stand-down is no sign of *disloyalty*');

  const ben = await person(3, 'Ben', 200);
  const bStood = await claimFrom(ben, dj, Q.stood, 'Security forces under Abish were stood down on purpose!');
  const bDisloyal = await claimFrom(ben, dj, Q.disloyal, 'Tokayev did not trust his own security services');
  const bLabel = await claimFrom(ben, dj, Q.label, 'Tokayev called the protesters terrorists');
  const bSupportsLabel = await link(ben, 'supports', bStood.claim, bLabel.claim, '=the stand-down made the label credible');
  const bReverse = await link(ben, 'supports', bDisloyal.claim, bStood.claim);
  const bAgrees = await link(ben, 'supports', bStood.claim, bDisloyal.claim);

  const stores = [teacher, ann, ben];
  const all = <T>(get: (s: CrossreadStore) => Iterable<T>) => stores.flatMap((s) => [...get(s)]);
  const records = {
    annotations: all<Annotation>((s) => s.annotations.values()),
    claims: all<Claim>((s) => s.claims.values()),
    links: all<Link>((s) => s.links.values()),
    events: [],
  };
  const settings: Setting[] = [];
  const input: OverviewInput = { layers: layersOf({ settings, ...records }, teacher.localLayer!, 'Dr. Example'), ...records, docs };
  return {
    input, docs, dj, records,
    layers: { teacher: teacher.localLayer!, ann: ann.localLayer!, ben: ben.localLayer! },
    claims: { iStood, iDisloyal, iLabel, aStood, aDisloyal, aLabel, bStood, bDisloyal, bLabel },
    links: { iSupports, iContradicts, aContradicts, bSupportsLabel, bReverse, bAgrees },
  };
}
