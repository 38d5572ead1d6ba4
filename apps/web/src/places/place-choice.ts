import type { Place } from '@lantern/domain';
import { placeCategoryLabels } from '../map/layers/layer-styles.ts';

/**
 * A place as a picker or a result list names it, so that places of one name can be told apart
 * (the seed has five "Bus station, Mansfield"): the name, the street and ward it lies in, and its
 * category. "Bus station, Mansfield — near Beech Lane, Central ward · Bus station".
 */
export function placeChoiceLabel(place: Pick<Place, 'name' | 'category' | 'address' | 'ward'>): string {
  const where = placeWhere(place);
  return `${place.name}${where ? ` — ${where}` : ''} · ${placeCategoryLabels[place.category]}`;
}

/** "near Beech Lane, Central ward": the address (police.uk's "On or near …" read as words) and the ward. */
export function placeWhere(place: Pick<Place, 'address' | 'ward'>): string {
  const street = place.address?.replace(/^On or near /, 'near ').trim();
  return [street, place.ward ? `${place.ward} ward` : null].filter(Boolean).join(', ');
}
