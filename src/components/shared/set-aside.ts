import type { CollectionName } from '../../store/index.ts';

/**
 * How a view names a record it cannot show because the store set it aside as
 * damaged (listed in Settings): one wording everywhere, never an empty slot.
 */
export const SET_ASIDE: Record<CollectionName, string> = {
  annotations: 'a damaged passage, set aside',
  settings: 'a damaged setting, set aside',
  claims: 'a damaged claim, set aside',
  links: 'a damaged link, set aside',
  events: 'a damaged event, set aside',
  sources: 'a damaged source, set aside',
};
