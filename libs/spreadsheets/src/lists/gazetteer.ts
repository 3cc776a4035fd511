import { distance } from 'fastest-levenshtein';
import type { GazetteerPlace, PlaceFinder, PlaceLookup } from './places';

/** A place of the gazetteer (地名库) with the other names people write for it. */
export interface GazetteerEntry extends GazetteerPlace {
  /** 中心社区 for 邙岭路街道中心社区: each finds the place as its own name does. */
  aliases?: readonly string[];
}

/** At most this many closest names are suggested for a name the gazetteer does not know. */
export const MAX_PLACE_SUGGESTIONS = 3;

/**
 * A name as it is shown and stored: full-width letters, digits and brackets made half-width
 * (NFKC), spaces trimmed and runs of them made one.
 */
export function placeName(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/**
 * What two names are compared by: NFKC, lower case, no spaces at all, so that ５２号楼,
 * 52号楼 and 52 号楼 are one name (sheets are typed by hand, with and without spaces).
 * The gazetteer keeps names unique by this key, so finding a place and refusing a
 * duplicate follow the one rule.
 */
export function placeKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The names a place answers to, whatever else it holds. */
type Names = Pick<GazetteerEntry, 'name' | 'aliases'>;

/** Every key a place answers to: its name's, then its aliases'. */
function keysOf(place: Names): string[] {
  return [...new Set([place.name, ...(place.aliases ?? [])].map(placeKey).filter(Boolean))];
}

/**
 * The name or alias of `candidate` that another place of `places` already answers to, with
 * that place: a gazetteer where two places share a name could not tell them apart.
 * `candidate` itself is recognised by `isSelf` (its own current entry is not a clash).
 */
export function nameClash<P extends Names>(
  places: readonly P[],
  candidate: Names,
  isSelf: (place: P) => boolean,
): { name: string; place: P } | undefined {
  const wanted = new Map<string, string>();
  for (const name of [candidate.name, ...(candidate.aliases ?? [])]) {
    const key = placeKey(name);
    if (key && !wanted.has(key)) wanted.set(key, name);
  }
  for (const place of places) {
    if (isSelf(place)) continue;
    const taken = keysOf(place).find((key) => wanted.has(key));
    if (taken !== undefined) return { name: wanted.get(taken)!, place };
  }
  return undefined;
}

/**
 * Finds places of an alliance's gazetteer by the name a list row gives:
 *   1. its name, width, case and spaces ignored;
 *   2. one of its aliases;
 *   3. the one place whose name or alias contains the row's name (52号楼 for
 *      中心社区52号楼), only when no other place does and the row's name says more than a
 *      number (a bare 5 is in too many names to be meant);
 * and otherwise gives the closest names: the places a partial name fits, then those
 * within a few edits (a third of the longer name's characters), nearest first. A name
 * that fits several places is never guessed at: it gets them as suggestions.
 */
export function gazetteerFinder(places: readonly GazetteerEntry[]): PlaceFinder {
  const entries = places.map((place) => ({ place, keys: keysOf(place), nameKey: placeKey(place.name) }));
  return {
    find(name: string): PlaceLookup {
      const key = placeKey(name);
      if (key === '') return { suggestions: [] };
      const byName = entries.filter((entry) => entry.nameKey === key);
      if (byName.length === 1) return { place: byName[0]!.place };
      const byAlias = entries.filter((entry) => entry.keys.includes(key));
      if (byName.length === 0 && byAlias.length === 1) return { place: byAlias[0]!.place };
      const containing = mayBePartOfName(key)
        ? entries.filter((entry) => entry.keys.some((own) => own.includes(key)))
        : [];
      if (byAlias.length === 0 && containing.length === 1) return { place: containing[0]!.place };

      // Not one place: suggest, the places the name fits first, then the nearest by edits.
      const fitting = new Set([...byAlias, ...containing]);
      const ranked = entries
        .map((entry) => ({ entry, nearness: nearness(key, entry.keys) }))
        .filter(({ entry, nearness }) => fitting.has(entry) || nearness.close)
        .sort(
          (a, b) =>
            Number(fitting.has(b.entry)) - Number(fitting.has(a.entry)) ||
            a.nearness.edits - b.nearness.edits ||
            a.entry.place.name.localeCompare(b.entry.place.name, 'zh-CN'),
        );
      const suggestions = [...new Set(ranked.map(({ entry }) => entry.place.name))];
      return { suggestions: suggestions.slice(0, MAX_PLACE_SUGGESTIONS) };
    },
  };
}

/** A partial name worth matching inside others: two characters or more, not only digits and signs. */
function mayBePartOfName(key: string): boolean {
  return [...key].length >= 2 && /\p{L}/u.test(key);
}

/**
 * How near a name is to a place's names: the fewest edits to one of them, and whether that is
 * close enough to suggest: a few edits for the names' length (one typo in 中新社区, two in a
 * long street name), or the name holding one of them whole (邙岭路街道中心社区 for 中心社区).
 */
function nearness(key: string, own: readonly string[]): { edits: number; close: boolean } {
  let edits = Infinity;
  let close = false;
  for (const name of own) {
    const apart = distance(key, name);
    edits = Math.min(edits, apart);
    const allowed = Math.max(1, Math.floor(Math.max(key.length, name.length) / 3));
    if (apart <= allowed || (mayBePartOfName(name) && key.includes(name))) close = true;
  }
  return { edits, close };
}
