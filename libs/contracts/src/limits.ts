/** Hard limits on what intake accepts; each one is reported by name when exceeded. */
export const LIMITS = {
  maxMessageBytes: 1024 * 1024,
  maxItemsPerList: 5000,
  maxIdLength: 128,
  maxNameLength: 200,
  maxTitleLength: 200,
  maxDescriptionLength: 4000,
  maxAddressLength: 500,
  maxTagLength: 50,
  maxTagsPerItem: 20,
  maxQuantity: 1_000_000_000,
  maxServiceRadiusKm: 20_000,
  maxRevision: 1_000_000_000,
  maxBeneficiaries: 10_000_000,
} as const;

/** Identifiers: letters (any script), digits and a few separators, no spaces or control characters. */
export const IDENTIFIER_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._:\-/]*$/u;
