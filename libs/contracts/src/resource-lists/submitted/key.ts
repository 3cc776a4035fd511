/** Messages on `resource-lists.submitted.v1` are keyed by the submitting unit's id. */
export type ResourceListSubmittedKey = string;
