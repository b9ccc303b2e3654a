/**
 * The layers a reader holds (ADR 0013): their own, and one per map they imported. Pure over
 * the store's collections, so every view lists, colours and hides layers the same way.
 */
import * as v from 'valibot';
import type { Claim, EventRecord, Link } from './claim-records.ts';
import { emptyRecordsDiff, type RecordsDiff, type StoreDiff } from './diff.ts';
import { deepEqual } from './equal.ts';
import { layerSettingId, type Annotation, type LayerInfo, type LayerRole, type LayerSetting, type Setting } from './records.ts';
import { describeIssues, LayerIdSchema, LayerSettingSchema } from './schemas.ts';

const PREFIX = 'layer:';

/** A layer as views show it. */
export interface LayerView extends LayerInfo {
  id: string;
  /** The reader's own layer: editable, never hidden, never removed. */
  local: boolean;
  /** Records it holds, by collection. */
  counts: { annotations: number; claims: number; links: number; events: number };
}

interface Sources {
  settings: Iterable<Setting>;
  annotations: Iterable<Annotation>;
  claims: Iterable<Claim>;
  links: Iterable<Link>;
  events: Iterable<EventRecord>;
}

const isLayer = (s: Setting): s is LayerSetting => s.id.startsWith(PREFIX);

/** Stored layer settings by layer id. */
export function layerSettings(settings: Iterable<Setting>): Map<string, LayerInfo> {
  const out = new Map<string, LayerInfo>();
  for (const s of settings) if (isLayer(s)) out.set(s.id.slice(PREFIX.length), s.value);
  return out;
}

/** The first palette slot no layer holds; slot 0 is the reader's own. */
export function freeColour(known: Iterable<LayerInfo>): number {
  const used = new Set([0, ...[...known].map((l) => l.colour)]);
  let slot = 1;
  while (used.has(slot)) slot++;
  return slot;
}

/**
 * Every layer that holds records, plus every layer with a setting: the reader's own first, then
 * by name. A layer whose records arrived without a setting (an older import, a foreign tool's
 * author) is named after its records' creator and given the next free colour.
 */
export function layersOf(from: Sources, local: string, localName: string): LayerView[] {
  const infos = layerSettings(from.settings);
  const counts = new Map<string, LayerView['counts']>();
  const creators = new Map<string, string>();
  const count = (c: keyof LayerView['counts'], rs: Iterable<{ layer: string; creator: { name: string } }>) => {
    for (const r of rs) {
      let n = counts.get(r.layer);
      if (!n) counts.set(r.layer, (n = { annotations: 0, claims: 0, links: 0, events: 0 }));
      n[c]++;
      if (!creators.has(r.layer)) creators.set(r.layer, r.creator.name);
    }
  };
  count('annotations', from.annotations);
  count('claims', from.claims);
  count('links', from.links);
  count('events', from.events);
  const empty = { annotations: 0, claims: 0, links: 0, events: 0 };
  const ids = new Set([local, ...infos.keys(), ...counts.keys()]);
  const known = [...infos.values()];
  const views: LayerView[] = [];
  for (const id of [...ids].sort()) {
    const local_ = id === local;
    let info = local_ ? { name: localName, role: 'student' as const, colour: 0, hidden: false } : infos.get(id);
    if (!info) {
      info = { name: creators.get(id) ?? 'Unknown', role: 'student', colour: freeColour(known), hidden: false };
      known.push(info);
    }
    views.push({ ...info, id, local: local_, counts: counts.get(id) ?? empty });
  }
  return views.sort((a, b) => Number(b.local) - Number(a.local) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** True when `diff` shows, hides, names or forgets a layer: views that keep derived lists re-derive them. */
export function layersChanged(diff: StoreDiff): boolean {
  const s = diff.settings;
  return !!s && Object.keys({ ...s.added, ...s.updated, ...s.removed }).some((id) => id.startsWith(PREFIX));
}

/** Ids of the layers the reader hid. */
export function hiddenLayers(settings: Iterable<Setting>): Set<string> {
  const out = new Set<string>();
  for (const [id, info] of layerSettings(settings)) if (info.hidden) out.add(id);
  return out;
}

/** Whose map a layer is, as the file that brings its records names the author (ADR 0013). Untrusted. */
export interface IncomingLayer {
  id: string;
  name: string;
  role: LayerRole;
  course?: string;
}

/**
 * The settings a batch writes for the layers it brings (the door, `receive.ts`): name, role and
 * course as the file says them now; colour and hidden kept from an earlier import, else the next
 * free colour, shown. The reader's own layer gets none (its name is theirs). An unchanged layer
 * writes nothing, so re-importing a file changes nothing. Problems name the layer's place.
 */
export function arrivingLayers(settings: ReadonlyMap<string, Setting>, layers: readonly IncomingLayer[], local: string | undefined): { part: RecordsDiff<Setting>; problems: string[] } {
  const part = emptyRecordsDiff<Setting>();
  const problems: string[] = [];
  const known = [...layerSettings(settings.values()).values()];
  layers.forEach((layer, i) => {
    const id = v.safeParse(LayerIdSchema, layer?.id);
    if (!id.success) return void problems.push(...describeIssues(id.issues).map((p) => `layers[${i}]: id: ${p}`));
    if (id.output === local) return;
    const sid = layerSettingId(id.output);
    const old = settings.get(sid) as LayerSetting | undefined;
    const course = typeof layer.course === 'string' ? layer.course.trim() : '';
    const value = {
      name: typeof layer.name === 'string' ? layer.name.trim() : layer.name,
      role: layer.role,
      ...(course ? { course } : {}),
      colour: old?.value.colour ?? freeColour(known),
      hidden: old?.value.hidden ?? false,
    };
    const setting = v.safeParse(LayerSettingSchema, { id: sid, value });
    if (!setting.success) return void problems.push(...describeIssues(setting.issues).map((p) => `layers[${i}] ${id.output}: ${p}`));
    if (!old) {
      part.added[sid] = setting.output;
      known.push(setting.output.value);
    } else if (!deepEqual(old.value, setting.output.value)) part.updated[sid] = [old, setting.output];
  });
  return { part, problems };
}
