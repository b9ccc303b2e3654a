import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { CrossreadStore } from '../../../src/store/index.ts';
import type { CrMapView } from '../../../src/components/map/cr-map-view.ts';
import type { CrLinkDialog } from '../../../src/components/claims/cr-link-dialog.ts';
import { nearestInDirection, type Direction } from '../../../src/components/map/geometry.ts';
import type { NotifyEvent } from '../../../src/components/shared/events.ts';
import type { Undoable } from '../../../src/store/index.ts';
import { axeViolations, deep, makeStore, openApp, testDbName } from '../helpers.ts';
import { $, centreOf, clickAt, drag, drawn, focused, isOpen, mountMap, nodeOf, placeOf, press, seed, until, warmLayout } from './harness.ts';

const notices: NotifyEvent[] = [];
document.body.addEventListener('cr-notify', (e) => notices.push(e));

before(async function () {
  this.timeout(90000);
  await warmLayout();
});
afterEach(() => {
  document.querySelector('main.test')?.remove();
  document.querySelector('cr-app')?.remove();
});

/** The claim card shown beside the map. */
const panelCard = (view: CrMapView) => view.shadowRoot!.querySelector('aside cr-claim-card');

describe('cr-map-view interaction', () => {
  it('clicking a node shows its claim beside the map; a passage opens the reader at its ¶', async () => {
    const store = await makeStore();
    const { a, b } = await seed(store);
    await store.createLink({ relation: 'contradicts', from: a.id, to: b.id });
    const app = await openApp('#/map', store);
    const view = await until(() => deep(app, 'cr-map-view') as CrMapView | null, 'map view', 10000);
    const canvas = await drawn(view, [a.id, b.id]);
    await clickAt(centreOf(nodeOf(canvas, a.id)!.querySelector('.box')!));
    const card = await until(() => panelCard(view), 'claim card');
    expect(card.shadowRoot!.textContent).to.contain(a.statement);
    expect(nodeOf(canvas, a.id)!.classList.contains('selected')).to.equal(true);
    const passage = await until(() => card.shadowRoot!.querySelector<HTMLAnchorElement>('.evidence a[href*="/p/"]'), 'passage with its ¶');
    passage.click();
    await until(() => deep(app, 'cr-reader'), 'reader opened', 10000);
    expect(location.hash).to.equal('#/read/duvanova-junisbai-2022/p/3');
  });

  it('a node chosen near the right edge stays in view when the claim panel opens beside the map', async () => {
    const store = await makeStore();
    const claims = await seed(store);
    const app = await openApp('#/map', store);
    const view = await until(() => deep(app, 'cr-map-view') as CrMapView | null, 'map view', 10000);
    const ids = Object.values(claims).map((c) => c.id);
    const canvas = await drawn(view, ids);
    const right = (id: string) => nodeOf(canvas, id)!.getBoundingClientRect().right;
    const rightmost = ids.reduce((x, y) => (right(y) > right(x) ? y : x));
    await clickAt(centreOf(nodeOf(canvas, rightmost)!.querySelector('.box')!));
    await until(() => panelCard(view), 'claim card');
    const svg = canvas.shadowRoot!.querySelector('svg')!;
    await until(() => right(rightmost) <= svg.getBoundingClientRect().right + 0.5 && right(rightmost) - nodeOf(canvas, rightmost)!.getBoundingClientRect().width >= svg.getBoundingClientRect().left, 'the chosen node in view');
  });

  it('a dragged node stays where it was put after a reload; the toast’s Undo puts it back', async () => {
    const name = testDbName();
    let store: CrossreadStore = await makeStore({ name });
    const { a, b, c } = await seed(store);
    let view = await mountMap(store);
    let canvas = await drawn(view, [a.id, b.id, c.id]);
    const before = await until(() => store.mapPositions().get(a.id), 'first layout stored');
    expect(placeOf(nodeOf(canvas, a.id)!)).to.deep.equal(before);
    const dragA = async () => {
      const from = centreOf(nodeOf(canvas, a.id)!.querySelector('.box')!);
      await drag(from, { x: from.x + 120, y: from.y + 90 });
      return until(() => {
        const p = store.mapPositions().get(a.id)!;
        return p.x !== before.x || p.y !== before.y ? p : null;
      }, 'position stored');
    };
    notices.length = 0;
    let after = await dragA();
    expect(after.x).to.be.greaterThan(before.x);
    expect(after.y).to.be.greaterThan(before.y);
    expect(placeOf(nodeOf(canvas, a.id)!)).to.deep.equal(after);
    const moved = notices.find((n) => n.message === 'Claim moved')!.action as Undoable;
    await moved.undo();
    await until(() => placeOf(nodeOf(canvas, a.id)!).x === before.x, 'moved back by Undo');
    expect(placeOf(nodeOf(canvas, a.id)!)).to.deep.equal(before);

    after = await dragA();
    const others = [b.id, c.id].map((id) => placeOf(nodeOf(canvas, id)!));
    // Reload: a new store on the same database, a new view.
    document.querySelector('main.test')?.remove();
    store.close();
    store = await makeStore({ name });
    view = await mountMap(store);
    canvas = await drawn(view, [a.id, b.id, c.id]);
    expect(placeOf(nodeOf(canvas, a.id)!)).to.deep.equal(after);
    expect([b.id, c.id].map((id) => placeOf(nodeOf(canvas, id)!))).to.deep.equal(others);
  });

  it('a node dropped on another moves aside to the nearest free spot, and the toast’s Undo puts it back', async () => {
    const store = await makeStore();
    const { a, b, c, d } = await seed(store);
    const view = await mountMap(store);
    const canvas = await drawn(view, [a.id, b.id, c.id, d.id]);
    const before = await until(() => store.mapPositions().get(a.id), 'first layout stored');
    const boxOf = (id: string) => nodeOf(canvas, id)!.querySelector('.box')!.getBoundingClientRect();
    notices.length = 0;
    await drag(centreOf(nodeOf(canvas, a.id)!.querySelector('.box')!), centreOf(nodeOf(canvas, c.id)!.querySelector('.box')!));
    const after = await until(() => {
      const p = store.mapPositions().get(a.id)!;
      return p.x !== before.x || p.y !== before.y ? p : null;
    }, 'position stored');
    await until(() => placeOf(nodeOf(canvas, a.id)!).x === after.x && placeOf(nodeOf(canvas, a.id)!).y === after.y, 'drawn where stored');
    const [ra, rc] = [boxOf(a.id), boxOf(c.id)];
    const apart = ra.right <= rc.left || rc.right <= ra.left || ra.bottom <= rc.top || rc.bottom <= ra.top;
    expect(apart, 'the dropped node does not cover the one it was dropped on').to.equal(true);
    for (const id of [b.id, d.id]) {
      const r = boxOf(id);
      expect(ra.right <= r.left || r.right <= ra.left || ra.bottom <= r.top || r.bottom <= ra.top, 'nor any other').to.equal(true);
    }
    const moved = notices.find((n) => n.message === 'Claim moved')!.action as Undoable;
    await moved.undo();
    await until(() => placeOf(nodeOf(canvas, a.id)!).x === before.x && placeOf(nodeOf(canvas, a.id)!).y === before.y, 'moved back by Undo');
  });

  it('keyboard: arrows move focus to the nearest node that way, Enter opens it, L then Enter links, Delete asks', async () => {
    const store = await makeStore();
    const { a, b, c, d } = await seed(store);
    await store.createLink({ relation: 'supports', from: d.id, to: a.id });
    const view = await mountMap(store);
    const canvas = await drawn(view, [a.id, b.id, c.id, d.id]);
    // One tab stop for the whole map: Tab from the toolbar lands on a node, where the arrows work.
    expect(canvas.shadowRoot!.querySelectorAll('g.node[tabindex="0"]').length).to.equal(1);
    [...view.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Export PNG')!.focus();
    await press('Tab');
    expect(focused() === canvas.shadowRoot!.querySelector('g.node[tabindex="0"]'), 'Tab lands on the current node').to.equal(true);
    nodeOf(canvas, d.id)!.focus();
    const neighbours = (id: string) => new Set([...canvas.edges].flatMap((e) => (e.from === id ? [e.to] : e.to === id ? [e.from] : [])));
    let at = d.id;
    const keys: Record<Direction, string> = { up: 'ArrowUp', down: 'ArrowDown', left: 'ArrowLeft', right: 'ArrowRight' };
    let moves = 0;
    for (const dir of ['up', 'right', 'down', 'left', 'left', 'up'] as Direction[]) {
      const next = nearestInDirection(canvas.boxes, at, dir, neighbours(at));
      await press(keys[dir]);
      if (!next) continue;
      await until(() => focused() === nodeOf(canvas, next), `focus ${dir}`);
      expect(nodeOf(canvas, next)!.getAttribute('tabindex')).to.equal('0');
      at = next;
      moves++;
    }
    expect(moves).to.be.greaterThan(1);
    // The mouse resting on a node away from the focused one dims the rest, never the focused node.
    const away = [a, b, c, d].find((x) => x.id !== at && !neighbours(x.id).has(at))!;
    await sendMouse({ type: 'move', position: ((p) => [Math.round(p.x), Math.round(p.y)] as [number, number])(centreOf(nodeOf(canvas, away.id)!.querySelector('.box')!)) });
    await until(() => canvas.shadowRoot!.querySelector('g.node.dim'), 'hover dims the nodes outside its neighbourhood');
    expect(nodeOf(canvas, at)!.classList.contains('dim'), 'focused node dimmed').to.equal(false);
    await sendMouse({ type: 'move', position: [0, 0] });
    await press('Enter');
    const card = await until(() => panelCard(view), 'claim opened');
    expect(card.shadowRoot!.textContent).to.contain(store.getClaim(at)!.statement);

    // L, then to another node, Enter: the link dialog, with both claims chosen.
    const ways = (Object.keys(keys) as Direction[]).map((k) => ({ key: keys[k], id: nearestInDirection(canvas.boxes, at, k, neighbours(at)) }));
    const way = ways.find((w) => w.id)!;
    const [dir, target] = [way.key, way.id!];
    nodeOf(canvas, at)!.focus();
    await press('l');
    await until(() => $(canvas, '.mode'), 'linking mode');
    await press(dir);
    await until(() => focused() === nodeOf(canvas, target), 'target focused');
    await press('Enter');
    const dialog = $<CrLinkDialog>(view, 'cr-link-dialog')!;
    await until(() => isOpen(dialog), 'link dialog');
    const picker = dialog.shadowRoot!.querySelector('cr-claim-picker')!;
    expect(picker.shadowRoot!.querySelector('input')!.value).to.equal(store.getClaim(target)!.statement);
    expect(dialog.shadowRoot!.querySelector('.from')!.textContent).to.contain(store.getClaim(at)!.statement);
    await press('Escape');
    await until(() => !isOpen(dialog), 'dialog closed');

    // Delete asks, deletes, and the toast's Undo brings the claim back.
    nodeOf(canvas, target)!.focus();
    notices.length = 0;
    await press('Delete');
    const confirm = $(view, 'cr-confirm-dialog')!;
    await until(() => isOpen(confirm), 'confirm');
    confirm.shadowRoot!.querySelector<HTMLButtonElement>('button.confirm')!.click();
    await until(() => !nodeOf(canvas, target), 'node gone');
    // Focus passes to the nearest node left, so the arrow keys go on working.
    await until(() => (focused())?.matches('g.node') && canvas.shadowRoot!.contains(focused()), 'a node focused');
    const undo = notices.find((n) => n.action && 'undo' in n.action)!.action as Undoable;
    await undo.undo();
    await until(() => nodeOf(canvas, target), 'node back', 20000);
  });

  it('dragging from a node’s handle onto another opens the link dialog for the two', async () => {
    const store = await makeStore();
    const { a, b, c, d } = await seed(store);
    const view = await mountMap(store);
    const canvas = await drawn(view, [a.id, b.id, c.id, d.id]);
    const handle = nodeOf(canvas, a.id)!.querySelector('.handle')!;
    await drag(centreOf(handle), centreOf(nodeOf(canvas, c.id)!.querySelector('.box')!));
    const dialog = $<CrLinkDialog>(view, 'cr-link-dialog')!;
    await until(() => isOpen(dialog), 'link dialog');
    expect(dialog.shadowRoot!.querySelector('cr-claim-picker')!.shadowRoot!.querySelector('input')!.value).to.equal(c.statement);
    dialog.shadowRoot!.querySelector<HTMLInputElement>('input[value=supports]')!.click();
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await until(() => store.links.size === 1, 'link saved');
    const link = [...store.links.values()][0]!;
    expect([link.relation, link.from, link.to]).to.deep.equal(['supports', a.id, c.id]);
    await until(() => canvas.shadowRoot!.querySelector('g.edge.supports'), 'edge drawn');
  });

  it('has no axe violations, with a claim open beside the map', async () => {
    document.title = 'Argument map — Crossread';
    const store = await makeStore();
    const { a, b, d } = await seed(store);
    await store.createLink({ relation: 'contradicts', from: a.id, to: b.id });
    await store.createLink({ relation: 'qualifies', from: d.id, to: a.id });
    const view = await mountMap(store);
    const canvas = await drawn(view, [a.id, b.id, d.id]);
    nodeOf(canvas, a.id)!.focus();
    await press('Enter');
    const card = await until(() => panelCard(view), 'claim opened');
    await until(() => card.shadowRoot!.querySelector('.evidence a[href*="/p/"]'), 'paragraphs placed');
    const main = document.querySelector('main.test')!;
    main.setAttribute('aria-label', 'Map');
    expect(await axeViolations()).to.deep.equal([]);
  });
});
