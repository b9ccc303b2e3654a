// The workflow, as a user does it: a claim from Duvanova & Junisbai and one from Anisin,
// linked as contradicting with a rationale; reload; both side by side with the link; delete one,
// undo.
import { expect } from '@open-wc/testing';
import { openApp, until, deep, openReader, selectText, pressKey, testDbName, makeStore } from './helpers.ts';
import { CrossreadStore } from '../../src/store/index.ts';

async function claimFromReader(store: CrossreadStore, id: string, n: number, statement: string): Promise<string> {
  const { doc, panel } = await openReader(id, store);
  const p = doc.doc!.blocks.find((b) => b.numbered && b.n === n)!;
  await selectText(doc, p.start, p.start + 100);
  pressKey('c');
  const field = await until(() => panel.shadowRoot!.querySelector<HTMLTextAreaElement>('#draft-statement'), 'claim form');
  field.value = statement;
  const before = store.claims.size;
  field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
  await until(() => store.claims.size === before + 1, 'claim saved');
  return [...store.claims.values()].find((c) => c.statement === statement)!.id;
}

afterEach(() => document.querySelector('cr-app')?.remove());

it('claims from two sources, linked as contradicting, survive a reload and show side by side; delete and undo', async () => {
  const name = testDbName();
  const store = await makeStore({ name }, false);
  const a = await claimFromReader(store, 'duvanova-junisbai-2022', 5, "Almaty's security forces were stood down on purpose");
  const b = await claimFromReader(store, 'anisin-2026', 50, "Kazakhstan's security apparatus faced collapse or proved unreliable");
  await store.createLink({ relation: 'contradicts', from: a, to: b, rationale: 'Deliberate withdrawal versus collapse.' });
  document.querySelector('cr-app')!.remove();

  // Reload: a new store on the same database, straight into the side-by-side view.
  const again = await makeStore({ name }, false);
  const app = await openApp('#/compare/duvanova-junisbai-2022/anisin-2026', again);
  const view = await until(() => deep(app, 'cr-compare-view'), 'compare view', 10000);
  await until(() => {
    const text = view.shadowRoot?.textContent ?? '';
    return text.includes('stood down on purpose') && text.includes('faced collapse') && text.includes('contradicts');
  }, 'both claims and the contradicts link in the compare view', 10000);

  // Delete one (with its link) and undo.
  const result = await again.deleteClaims([b]);
  expect(result.alsoRemoved.links).to.have.length(1);
  expect(again.linksOf(a)).to.have.length(0);
  expect((await result.undo()).done).to.equal(true);
  expect(again.getClaim(b)).to.not.equal(undefined);
  expect(again.linksOf(a)).to.have.length(1);
});
