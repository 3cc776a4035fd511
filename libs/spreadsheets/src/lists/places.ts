/** A named place of the alliance's gazetteer (社区, 小区, 楼栋) with its coordinates. */
export interface GazetteerPlace {
  name: string;
  lat: number;
  lng: number;
  /** The full address shown beside the name, e.g. 邙岭路街道 014 中心社区 52 号楼. */
  address?: string;
}

export type PlaceLookup = { place: GazetteerPlace } | { suggestions: string[] };

/** Looks places up by name; a name it does not know gets the closest names it does. */
export interface PlaceFinder {
  find(name: string): PlaceLookup;
}

/** No gazetteer: every place needs coordinates. */
export const NO_GAZETTEER: PlaceFinder = { find: () => ({ suggestions: [] }) };
