import { DomainError } from '@redcrowd/contracts';
import type { AlliancePlace, PlaceFields } from '@redcrowd/persistence';
import { nameClash, placeKey, placeName } from '@redcrowd/spreadsheets';

/** A place as a coordinator asks for it, before it is tidied and checked. */
export type PlaceDraft = Omit<PlaceFields, 'nameKey'>;

/**
 * The place as it is stored: names tidied (half-width, single spaces), its key computed,
 * aliases without blanks, repeats or its own name, the address trimmed (blank is none).
 */
export function tidyPlace(draft: PlaceDraft): PlaceFields {
  const name = placeName(draft.name);
  if (name === '') throw new DomainError('invalid-request', 'a place needs a name', { field: 'name' });
  const nameKey = placeKey(name);
  const seen = new Set([nameKey]);
  const aliases: string[] = [];
  for (const alias of draft.aliases.map(placeName)) {
    const key = placeKey(alias);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias);
  }
  const address = draft.address?.trim() || null;
  return { ...draft, name, nameKey, aliases, address };
}

/**
 * Refuses a place the gazetteer could not keep apart from the others: a name or alias another
 * place answers to (place-exists, with that place), or a parent that is not a place of the
 * alliance or lies inside this one.
 */
export function checkPlace(places: readonly AlliancePlace[], fields: PlaceFields, placeId?: string): void {
  const clash = nameClash(places, fields, (place) => place.placeId === placeId);
  if (clash) {
    const field = placeKey(clash.name) === fields.nameKey ? 'name' : 'aliases';
    throw new DomainError(
      'place-exists',
      `"${clash.name}" is already a name of ${clash.place.name} (place ${clash.place.placeId}) in the gazetteer`,
      { field, attachments: { place: clash.place } },
    );
  }
  if (fields.parentId === null) return;
  const byId = new Map(places.map((place) => [place.placeId, place]));
  if (!byId.has(fields.parentId)) {
    throw new DomainError('invalid-request', `parentId ${fields.parentId} is not a place of this gazetteer`, {
      field: 'parentId',
    });
  }
  // Walk up from the parent: reaching this place would make it lie inside itself.
  const visited = new Set<string>();
  for (let at: string | null = fields.parentId; at !== null && !visited.has(at);) {
    if (at === placeId) {
      throw new DomainError('invalid-request', 'a place cannot lie inside itself or a place inside it', {
        field: 'parentId',
      });
    }
    visited.add(at);
    at = byId.get(at)?.parentId ?? null;
  }
}
