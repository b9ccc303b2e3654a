/**
 * How a record's layer looks in every view (ADR 0013): its colour, its name in words and
 * whether it is the reader's own. Derived once per `store.layers()` list (the same array until
 * a record or setting comes or goes), so each view asks per record without recomputing.
 * Colour is never the only cue: `from` names the layer wherever its colour shows.
 */
import { ANONYMOUS, type CrossreadStore, type LayerView } from '../../store/index.ts';
import { layerColour } from '../shared/layer-colours.ts';

/** A layer as views mark it. */
export interface LayerLook {
  id: string;
  /** CSS colour of the layer's palette slot. */
  colour: string;
  /** Palette slot (0: the reader's own). */
  slot: number;
  /** Its author's display name; "You" for the reader's own layer while they have set no name. */
  name: string;
  /** "Instructor" or "Student"; empty for the reader's own layer (what they are is theirs to say). */
  role: string;
  /** The reader's own layer: editable. */
  local: boolean;
  /** "Ana's map", "your map": what a read-only line or a tooltip calls the layer. */
  from: string;
  /** Hidden by the reader: its records are not shown. */
  hidden: boolean;
  /** Records it holds, all collections together. */
  records: number;
}

/** Every layer's look by id, in `store.layers()` order. */
export type LayerLooks = ReadonlyMap<string, LayerLook>;

const ROLE = { instructor: 'Instructor', student: 'Student' } as const;

/** "Ana's map"; "Charles' map". */
const possessive = (name: string) => `${name}${/s$/i.test(name) ? '’' : '’s'} map`;

const cache = new WeakMap<readonly LayerView[], LayerLooks>();

/** The looks of a list of layers (memoised per list). */
export function layerLooks(layers: readonly LayerView[]): LayerLooks {
  let looks = cache.get(layers);
  if (looks) return looks;
  looks = new Map(layers.map((l): [string, LayerLook] => {
    // The reader's own layer before they give a name: "You", not "Anonymous".
    const name = l.local && (!l.name.trim() || l.name === ANONYMOUS) ? 'You' : l.name;
    const c = l.counts;
    return [l.id, {
      id: l.id, colour: layerColour(l.colour), slot: l.local ? 0 : l.colour, name,
      role: l.local ? '' : ROLE[l.role], local: l.local, from: l.local ? 'your map' : possessive(name),
      hidden: l.hidden, records: c.annotations + c.claims + c.links + c.events,
    }];
  }));
  cache.set(layers, looks);
  return looks;
}

const NONE: LayerLooks = new Map();

/** The looks of the layers a store holds; none without a store. */
export const looksOf = (store: CrossreadStore | undefined): LayerLooks => (store ? layerLooks(store.layers()) : NONE);

/**
 * The look of a record of layer `layer`, or `undefined` when it need not be marked: the
 * reader's own, or a layer the list does not know (no store yet).
 */
export function foreignLook(looks: LayerLooks, layer: string): LayerLook | undefined {
  const look = looks.get(layer);
  return look && !look.local ? look : undefined;
}

/**
 * The layers a legend lists: those shown that hold records, and only when there are two or
 * more of them; a reader with nothing but their own work sees no legend.
 */
export function legendLayers(looks: LayerLooks): LayerLook[] {
  const shown = [...looks.values()].filter((l) => l.records > 0 && !l.hidden);
  return shown.length > 1 ? shown : [];
}

/** The line a read-only card shows: "From Ana’s map (read-only)". */
export const readOnlyLine = (look: LayerLook) => `From ${look.from} (read-only)`;
