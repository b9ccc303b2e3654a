// The seminar round trip through real files, as two browser profiles would do it: the instructor
// exports a map, a student imports it (read-only there), builds on it and exports their own; the
// instructor imports that as a student layer and sees it in the class overview. The student's
// file names the instructor's map it answers: a browser without that map is told to import it first.
import { describe, expect, it } from 'vitest';
import { importMapFile } from '../../src/exchange/map-file/import.ts';
import { writeMapFile } from '../../src/exchange/map-file/write.ts';
import { classOverview } from '../../src/map/overview/overview.ts';
import type { MapFile, MapLayer } from '../../src/exchange/map-file/format.ts';
import { MemoryPersistence, type CrossreadStore } from '../../src/store/index.ts';
import { makeStore } from './claims-fixtures.ts';
import { claimFrom, corpusDocs, docOf, passage } from './exchange-fixtures.ts';
import { Q } from './overview-fixtures.ts';
import { fixedId } from './store-fixtures.ts';

async function person(n: number, name: string) {
  const id = fixedId(0xe000 + n);
  const { store } = await makeStore({ idBase: n * 1000, persistence: new MemoryPersistence({ identity: { replica: id, layer: id } }) });
  await store.setCreatorName(name);
  return store;
}

async function mapOf(store: CrossreadStore, role: MapLayer['role'], course?: string): Promise<string> {
  const docs = await corpusDocs();
  const layer = { id: store.localLayer!, name: store.creatorName!, role, ...(course ? { course } : {}) };
  const s = store;
  return JSON.stringify(writeMapFile({
    layer, annotations: [...s.annotations.values()], claims: [...s.claims.values()], links: [...s.links.values()], events: [...s.events.values()],
    docs, builtIn: new Set(docs.map((d) => d.meta.id)), layers: s.layers(), now: '2026-11-30T12:00:00.000Z',
  }));
}

/** The instructor's handout and the student's answer to it, each as its file. */
async function seminar() {
  const docs = await corpusDocs();
  const library = docs.map((d) => ({ id: d.meta.id, hash: d.hash }));
  const dj = docOf(docs, 'duvanova-junisbai-2022');

  const teacher = await person(1, 'Dr. Example');
  const almaty = (await teacher.createEvent({ name: 'Almaty violence', start: '2022-01-05' })).value;
  const stood = await claimFrom(teacher, dj, Q.stood, 'Security forces under Abish were stood down on purpose');
  const disloyal = await claimFrom(teacher, dj, Q.disloyal, 'Tokayev called in the CSTO because his services were disloyal');
  await teacher.createLink({ relation: 'supports', from: stood.claim.id, to: disloyal.claim.id });
  const handout = await mapOf(teacher, 'instructor', 'Eurasian politics');

  const student = await person(2, 'Ann');
  const got = await importMapFile(student, handout, library);
  if (!got.ok) throw new Error(JSON.stringify(got.problems));
  // A classmate's map the student holds but does not answer: their file does not name it.
  const classmate = await person(3, 'Bo');
  await claimFrom(classmate, dj, Q.havoc, 'The violence was spontaneous');
  const bo = await importMapFile(student, await mapOf(classmate, 'student'), library);
  if (!bo.ok) throw new Error(JSON.stringify(bo.problems));
  // The student builds on it: their own passage and claim, on the instructor's event and citing the instructor's passage too, and a link of their own that reads the instructor's pair otherwise.
  const own = await claimFrom(student, dj, Q.havoc, 'Violent actors were let loose on purpose', { events: [almaty.id] });
  await student.addEvidence(own.claim.id, { annotation: stood.annotation.id, stance: 'mentions' });
  await student.createLink({ relation: 'contradicts', from: stood.claim.id, to: disloyal.claim.id, rationale: 'A stand-down ordered from above is loyalty, not its lack' });
  await student.createAnnotation(passage(dj, Q.stoodPart));
  const handIn = await mapOf(student, 'student');
  return { docs, library, teacher, student, stood, disloyal, got, handout, handIn };
}

describe('an instructor’s map to a student and the student’s back, by file', () => {
  it('arrives read-only as a named layer, comes back as a student layer, and shows in the overview', async () => {
    const { docs, library, teacher, student, stood, got, handIn } = await seminar();
    expect(got.ok && got.result.summary).toMatchObject({ added: 6, conflicts: 0 });
    const their = student.layers().find((l) => l.id === teacher.localLayer)!;
    expect(their).toMatchObject({ name: 'Dr. Example', role: 'instructor', course: 'Eurasian politics', hidden: false });
    await expect(student.updateClaim(stood.claim.id, { statement: 'Mine now' })).rejects.toThrow(/Dr\. Example’s map, which is read-only/);
    // The student's file holds their layer only: what it cites of the instructor's is resolved by the instructor's own records.
    expect((JSON.parse(handIn) as MapFile).claims.map((c) => c.statement)).toEqual(['Violent actors were let loose on purpose']);

    const back = await importMapFile(teacher, handIn, library);
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(teacher.layers().find((l) => l.id === student.localLayer)).toMatchObject({ name: 'Ann', role: 'student' });
    const again = await importMapFile(teacher, handIn, library);
    expect(again.ok && again.result.summary).toMatchObject({ added: 0, updated: 0, conflicts: 0 });

    const s = teacher;
    const overview = classOverview({ layers: s.layers(), annotations: [...s.annotations.values()], claims: [...s.claims.values()], links: [...s.links.values()], docs });
    expect(overview.instructor?.id).toBe(teacher.localLayer);
    expect(overview.students.map((l) => l.name)).toEqual(['Ann']);
    expect(overview.disagreements).toHaveLength(1);
    expect(overview.disagreements[0]!.student.relation).toBe('contradicts');
    expect(overview.disagreements[0]!.instructor.relation).toBe('supports');
    expect(overview.passages.some((p) => p.layers.includes(student.localLayer!))).toBe(true);
  });
});

describe('a student’s map in a browser without the instructor’s', () => {
  const instructor = 'Dr. Example’s map (instructor, Eurasian politics)';

  it('names the instructor’s map it answers, not its own layer nor a map it does not answer', async () => {
    const { teacher, handout, handIn } = await seminar();
    expect((JSON.parse(handIn) as MapFile).refers).toEqual([{ id: teacher.localLayer, name: 'Dr. Example', role: 'instructor', course: 'Eurasian politics' }]);
    expect((JSON.parse(handout) as MapFile).refers).toBeUndefined();
  });

  it('is refused, naming the map to import before it (its ids add nothing to act on); after that map, it imports', async () => {
    const { library, handout, handIn } = await seminar();
    const ta = await person(4, 'Tam');
    const refused = await importMapFile(ta, handIn, library);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems[0]).toEqual({ path: '', message: `It answers ${instructor}, which is not here: import that map first, then this one.` });
    expect(refused.problems).toHaveLength(1);
    expect(ta.claims.size).toBe(0);

    expect((await importMapFile(ta, handout, library)).ok).toBe(true);
    const taken = await importMapFile(ta, handIn, library);
    expect(taken.ok && taken.result.summary).toMatchObject({ added: 4, conflicts: 0 });
  });

  it('an older file, which names no map, is told of as another map, counted in words', async () => {
    const { library, handIn } = await seminar();
    const { refers: _, ...older } = JSON.parse(handIn) as MapFile;
    const refused = await importMapFile(await person(4, 'Tam'), JSON.stringify(older), library);
    expect(!refused.ok && refused.problems[0]).toEqual({
      path: '', message: 'It links 2 claims (and cites 1 passage and names 1 event) of another map that is not here: import the map it answers first, then this one.',
    });
    // Naming no map, it lists each missing reference at its place.
    expect(!refused.ok && refused.problems.slice(1).map((p) => p.path)).toEqual(['claims[0].evidence[1].annotation', 'claims[0].events[0]', 'links[0].from', 'links[0].to']);
  });

  it('with an older version of the instructor’s map here, asks for its latest', async () => {
    const { library, disloyal, handout, handIn } = await seminar();
    // The handout as it was before the instructor added the claim the student's link ends at.
    const earlier = JSON.parse(handout) as MapFile;
    earlier.claims = earlier.claims.filter((c) => c.id !== disloyal.claim.id);
    earlier.links = [];
    const ta = await person(4, 'Tam');
    expect((await importMapFile(ta, JSON.stringify(earlier), library)).ok).toBe(true);
    const refused = await importMapFile(ta, handIn, library);
    expect(!refused.ok && refused.problems[0]!.message).toBe(`It links 1 claim that ${instructor} here does not have: import its latest version first, then this one.`);
  });
});
