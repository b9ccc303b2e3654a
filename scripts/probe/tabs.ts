// Probe: two real tabs (two pages of one browser context) edit the same records through the
// app's store at high rates — tags on one claim and one annotation (added and removed), evidence,
// events, links, notes, renames, a record deleted while both edit it — and one tab reloads
// mid-burst. Every acknowledged write is counted in Node; after settling, both tabs and the
// database must be equal and hold every acknowledged edit.
import type { Browser, Page } from 'playwright-core';
import { appPage, readDatabase, type ProbeOutcome } from './page.ts';

type Ack = [kind: string, value: string];

interface Ids {
  c1: string;
  c2: string;
  n1: string;
  e1: string;
  l1: string;
  x: string;
}

/** Records both tabs edit, made in one tab before the bursts. */
async function seed(page: Page): Promise<Ids> {
  return page.evaluate(async () => {
    const store = document.querySelector('cr-app')!.store;
    const target = (n: number) => ({
      source: 'duvanova-junisbai-2022',
      sourceHash: 'sha256-probe',
      selector: [
        { type: 'TextQuoteSelector' as const, exact: `probe passage ${n}`, prefix: '', suffix: '' },
        { type: 'TextPositionSelector' as const, start: n, end: n + 10 },
      ] as [{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }, { type: 'TextPositionSelector'; start: number; end: number }],
    });
    const n1 = (await store.createAnnotation({ target: target(1), note: 'seed note' })).value.id;
    const c1 = (await store.createClaim({ statement: 'Claim one', evidence: { annotation: n1, stance: 'asserts' } })).value.id;
    const c2 = (await store.createClaim({ statement: 'Claim two', evidence: { annotation: n1, stance: 'mentions' } })).value.id;
    const x = (await store.createClaim({ statement: 'Doomed claim', evidence: { annotation: n1, stance: 'mentions' } })).value.id;
    const e1 = (await store.createEvent({ name: 'Seed event', start: '2022-01-02' })).value.id;
    const l1 = (await store.createLink({ relation: 'contradicts', from: c1, to: c2, rationale: 'seed' })).value.id;
    return { c1, c2, n1, e1, l1, x };
  });
}

/** `n` edits from one tab, up to 8 in flight, keys from `from`; each acknowledged one is reported through `__ack`. */
async function burst(page: Page, tab: string, from: number, n: number, ids: Ids): Promise<void> {
  await page.evaluate(async ({ tab, from, n, ids }) => {
    const store = document.querySelector('cr-app')!.store;
    const w = window as unknown as { __ack(kind: string, value: string): Promise<void>; __refused(kind: string): Promise<void> };
    const tags = (a: { body: ReadonlyArray<{ purpose: string; value?: string }> }) => a.body.filter((b) => b.purpose === 'tagging').map((b) => b.value!);
    const target = (k: number) => ({
      source: 'anisin-2026',
      sourceHash: 'sha256-probe',
      selector: [
        { type: 'TextQuoteSelector' as const, exact: `passage ${tab} ${k}`, prefix: '', suffix: '' },
        { type: 'TextPositionSelector' as const, start: k, end: k + 5 },
      ] as [{ type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }, { type: 'TextPositionSelector'; start: number; end: number }],
    });
    const mine: string[] = [];
    const ops: Array<(k: number) => Promise<[string, string] | undefined>> = [
      async (k) => { const t = `${tab}-c${k}`; await store.updateClaim(ids.c1, { tags: [...store.getClaim(ids.c1)!.tags, t] }); mine.push(t); return ['claimTag', t]; },
      async (k) => { const t = `${tab}-a${k}`; await store.updateAnnotation(ids.n1, { tags: [...tags(store.getAnnotation(ids.n1)!), t] }); return ['annTag', t]; },
      async () => {
        const t = mine.shift();
        if (!t) return undefined;
        await store.updateClaim(ids.c1, { tags: store.getClaim(ids.c1)!.tags.filter((x) => x !== t) });
        return ['claimUntag', t];
      },
      async (k) => ['evidence', (await store.addPassageAsEvidence(ids.c1, { target: target(k) }, 'mentions')).value.annotation.id],
      async (k) => { const v = `${tab} note ${k}`; await store.updateAnnotation(ids.n1, { note: v }); return ['note', v]; },
      async (k) => { const v = `${tab} statement ${k}`; await store.updateClaim(ids.c2, { statement: v }); return ['statement', v]; },
      async (k) => { const v = `${tab} name ${k}`; await store.updateEvent(ids.e1, { name: v }); return ['eventName', v]; },
      async (k) => { const v = `${tab} rationale ${k}`; await store.updateLink(ids.l1, { rationale: v }); return ['rationale', v]; },
      async (k) => {
        const e = (await store.createEvent({ name: `${tab} event ${k}`, start: '2022-01-05', end: '2022-01-07' })).value.id;
        await w.__ack('eventMade', e);
        await store.updateClaim(ids.c1, { events: [...store.getClaim(ids.c1)!.events, e] });
        return ['claimEvent', e];
      },
      async (k) => {
        const c = (await store.createClaim({ statement: `${tab} linked ${k}`, evidence: { annotation: ids.n1, stance: 'asserts' } })).value.id;
        await w.__ack('claimMade', c);
        return ['link', (await store.createLink({ relation: 'supports', from: c, to: ids.c2 })).value.id];
      },
      async (k) => {
        if (tab === 'A' && k === from + Math.floor(n / 2)) { await store.deleteClaims([ids.x]); return ['deleted', ids.x]; }
        await store.updateClaim(ids.x, { tags: [...(store.getClaim(ids.x)?.tags ?? []), `${tab}-x${k}`] });
        return ['xTag', `${tab}-x${k}`];
      },
    ];
    const OP_NAMES = ['claim tag', 'passage tag', 'claim untag', 'evidence', 'note', 'statement', 'event name', 'rationale', 'claim event', 'link', 'doomed claim'];
    const inFlight = new Set<Promise<void>>();
    for (let k = from; k < from + n; k++) {
      // Mostly the shared-list edits (the ones that used to lose writes); the rest in turn.
      const deletion = tab === 'A' && k === from + Math.floor(n / 2);
      const op = deletion ? ops[ops.length - 1]! : k % 3 === 0 ? ops[k % ops.length]! : ops[k % 2]!;
      const p: Promise<void> = op(k).then(
        async (ack) => { if (ack) await w.__ack(ack[0], ack[1]); },
        async (e: { kind?: string; message?: string }) => { await w.__refused(`${e.kind ?? 'thrown'} (${OP_NAMES[ops.indexOf(op)]})${e.kind ? '' : `: ${e.message}`}`); },
      ).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (deletion) await p; // the deletion lands mid-burst
      if (inFlight.size >= 8) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }, { tab, from, n, ids });
}

/** Every record of each tab's memory, as a comparable string. */
function memoryOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const s = document.querySelector('cr-app')!.store;
    const sorted = (m: ReadonlyMap<string, unknown>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r);
    return JSON.stringify({ annotations: sorted(s.annotations), claims: sorted(s.claims), links: sorted(s.links), events: sorted(s.events) });
  });
}

/** Runs the probe with `edits` edits in all, half from each tab. */
export async function probeTabs(browser: Browser, url: string, edits: number): Promise<ProbeOutcome> {
  const failures: string[] = [];
  const notes: string[] = [];
  const errors: string[] = [];
  const context = await browser.newContext();
  const acks: Array<Ack & { tab: string }> = [];
  const refused = new Map<string, number>();
  await context.exposeBinding('__ack', ({ page }, kind: string, value: string) => void acks.push(Object.assign([kind, value] as Ack, { tab: page === a ? 'A' : 'B' })));
  await context.exposeBinding('__refused', (_src, why: string) => void refused.set(why, (refused.get(why) ?? 0) + 1));
  const a = await appPage(context, url + '#/claims', errors);
  const b = await appPage(context, url + '#/claims', errors);
  const ids = await seed(a);
  await b.waitForFunction((c) => document.querySelector('cr-app')!.store.getClaim(c) !== undefined, ids.x);
  const half = Math.floor(edits / 2);
  const t0 = Date.now();
  // B reloads a third of the way through its burst, then carries on where it stopped.
  const bRun = (async () => {
    const cut = burst(b, 'B', 0, half, ids).catch(() => undefined);
    while (acks.filter((x) => x.tab === 'B').length < half / 3) await new Promise((r) => setTimeout(r, 50));
    await b.reload();
    await cut;
    await b.waitForFunction(() => document.querySelector('cr-app')?.store.mode !== undefined);
    await burst(b, 'B', half, half, ids);
  })();
  await Promise.all([burst(a, 'A', 0, half, ids), bRun]);
  notes.push(`${acks.length} acknowledged writes in ${((Date.now() - t0) / 1000).toFixed(1)} s; refused: ${[...refused].map(([k, v]) => `${k} ×${v}`).join(', ') || 'none'}`);
  for (const why of refused.keys()) if (!/^conflict|^invalid/.test(why)) failures.push(`refused for an unexpected reason: ${why}`);

  // Settle: both tabs equal to the database.
  let settled = false;
  for (let i = 0; i < 50 && !settled; i++) {
    const [ma, mb, db] = [await memoryOf(a), await memoryOf(b), JSON.stringify(await readDatabase(a, ['annotations', 'claims', 'links', 'events']))];
    settled = ma === mb && ma === db;
    if (!settled) await new Promise((r) => setTimeout(r, 200));
  }
  if (!settled) {
    const [ma, mb] = [JSON.parse(await memoryOf(a)), JSON.parse(await memoryOf(b))] as Array<Record<string, Array<{ id: string }>>>;
    const dbNow = await readDatabase(a, ['annotations', 'claims', 'links', 'events']) as Record<string, Array<{ id: string }>>;
    const diff = (x: Record<string, Array<{ id: string }>>, name: string) => Object.keys(dbNow).map((c) => {
      const mine = new Map(x[c]!.map((r) => [r.id, JSON.stringify(r)]));
      const theirs = new Map(dbNow[c]!.map((r) => [r.id, JSON.stringify(r)]));
      const differ = [...new Set([...mine.keys(), ...theirs.keys()])].filter((id) => mine.get(id) !== theirs.get(id));
      return differ.length ? `${name} ${c}: ${differ.length} differ from the database (${differ.slice(0, 2).map((id) => `${id}: memory ${mine.get(id)?.slice(0, 300)} db ${theirs.get(id)?.slice(0, 300)}`).join('; ')})` : '';
    }).filter(Boolean);
    failures.push('tabs and database did not converge within 10 s', ...diff(ma!, 'tab A'), ...diff(mb!, 'tab B'));
  }

  const db = await readDatabase(a, ['annotations', 'claims', 'links', 'events']);
  const byId = <T extends { id: string }>(list: unknown[]) => new Map((list as T[]).map((r) => [r.id, r]));
  const claims = byId<{ id: string; tags: string[]; events: string[]; evidence: Array<{ annotation: string }>; statement: string }>(db['claims']!);
  const anns = byId<{ id: string; body: Array<{ purpose: string; value?: string }> }>(db['annotations']!);
  const events = byId<{ id: string; name: string }>(db['events']!);
  const links = byId<{ id: string; rationale?: string }>(db['links']!);
  const c1 = claims.get(ids.c1)!;
  const n1 = anns.get(ids.n1)!;
  const kinds = (k: string) => acks.filter(([kind]) => kind === k).map(([, v]) => v);
  const lost = (what: string, expected: string[], have: Set<string>) => {
    const missing = expected.filter((x) => !have.has(x));
    if (missing.length) failures.push(`${what}: ${missing.length} of ${expected.length} acknowledged lost (e.g. ${missing.slice(0, 3).join(', ')})`);
  };
  const untagged = new Set(kinds('claimUntag'));
  lost('claim tags', kinds('claimTag').filter((t) => !untagged.has(t)), new Set(c1.tags));
  const resurrected = c1.tags.filter((t) => untagged.has(t));
  if (resurrected.length) failures.push(`claim tags: ${resurrected.length} removed tags came back (e.g. ${resurrected[0]})`);
  lost('annotation tags', kinds('annTag'), new Set(n1.body.filter((x) => x.purpose === 'tagging').map((x) => x.value!)));
  lost('evidence', kinds('evidence'), new Set(c1.evidence.map((e) => e.annotation)));
  lost('claim events', kinds('claimEvent'), new Set(c1.events));
  lost('events made', kinds('eventMade'), new Set(events.keys()));
  lost('links made', kinds('link'), new Set(links.keys()));
  lost('claims made', kinds('claimMade'), new Set(claims.keys()));
  const text = (what: string, kind: string, value: string | undefined) => {
    const acked = kinds(kind);
    if (acked.length && !acked.includes(value ?? '')) failures.push(`${what} is ${JSON.stringify(value)}, none of the ${acked.length} acknowledged`);
    notes.push(`${what}: ${acked.length} acknowledged`);
  };
  text('note of the annotation', 'note', n1.body.find((x) => x.purpose === 'commenting')?.value);
  text('statement of claim two', 'statement', claims.get(ids.c2)?.statement);
  text('name of the event', 'eventName', events.get(ids.e1)?.name);
  text('rationale of the link', 'rationale', links.get(ids.l1)?.rationale);
  if (claims.has(ids.x) && kinds('deleted').length) failures.push(`a deleted claim came back: ${JSON.stringify(claims.get(ids.x))}`);
  notes.push(`deletion of the doomed claim: ${kinds('deleted').length ? 'acknowledged' : 'not acknowledged'}; its tags acknowledged: ${kinds('xTag').length}`);
  notes.push(`claim one: ${c1.tags.length} tags, ${c1.evidence.length} evidence, ${c1.events.length} events; annotation: ${n1.body.length} bodies`);
  failures.push(...errors);
  await context.close();
  return { failures, notes };
}
