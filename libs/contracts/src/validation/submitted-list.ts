import { DemandListSubmitted } from '../demand-lists/submitted/value';
import { ResourceListSubmitted } from '../resource-lists/submitted/value';
import type { ListKind, SubmitterKind } from '../taxonomy';

export interface ListSubmitter {
  kind: SubmitterKind;
  id: string;
  name: string;
}

/** A list that passed schema validation, with the fields intake needs normalised. */
export type SubmittedList =
  | {
      kind: 'resource';
      listId: string;
      revision: number;
      allianceId: string;
      submitter: ListSubmitter;
      payload: ResourceListSubmitted;
    }
  | {
      kind: 'demand';
      listId: string;
      revision: number;
      allianceId: string;
      submitter: ListSubmitter;
      payload: DemandListSubmitted;
    };

export const PAYLOAD_CLASS_BY_KIND = {
  resource: ResourceListSubmitted,
  demand: DemandListSubmitted,
} as const satisfies Record<ListKind, unknown>;
