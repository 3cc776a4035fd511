/** What a place of an alliance's gazetteer (地名库) is: 社区, 小区, 楼栋, 其他. */
export const PLACE_KINDS = ['community', 'compound', 'building', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
