/** Messages on `demand-lists.submitted.v1` are keyed by the submitter's id. */
export type DemandListSubmittedKey = string;
