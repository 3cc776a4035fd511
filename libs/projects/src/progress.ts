import { ProjectError } from './errors';
import type { ProjectChange } from './events';
import { moveTo } from './lifecycle';
import type { ClaimShare, ProjectRef } from './model';
import { splitPoints, type PointsCredit } from './points';
import { unitsYetToReport } from './work-report';

/** Longest note a community may leave with its rating. */
export const MAX_NOTE_LENGTH = 1000;

/** After the claim: a claiming unit starts the work. */
export function start<P extends ProjectRef & { claims: readonly ClaimShare[] }>(
  project: P,
  input: { unitId: string; at: number },
): ProjectChange<P> {
  if (!project.claims.some((share) => share.unitId === input.unitId)) {
    throw new ProjectError('not-allowed', `only a unit that claimed project ${project.id} can start it`);
  }
  const { project: started, event } = moveTo(project, 'in-progress', { actor: input.unitId, at: input.at });
  return { project: started, events: [event] };
}

export interface Completion {
  /** The community confirming; only the demand's submitter may. */
  communityId: string;
  /** 1–5, whole. */
  rating: unknown;
  /** Optional, at most MAX_NOTE_LENGTH characters. */
  note?: unknown;
  /** What a completed project earns in the alliance (its policy). */
  pointsPerProject: number;
  at: number;
  /** When the demand's window opens (ms): the work cannot be confirmed done before it. */
  windowOpensAt?: number;
  /** The claiming units that have reported their part done (reportWork): all of them must have. */
  reportedUnitIds: readonly string[];
}

/** The ledger's reason (a code the screens translate) for points a completed project earned. */
export const POINTS_FOR_COMPLETION = 'project-completed';

export interface CompletionChange<P> extends ProjectChange<P> {
  /** Points for each claiming unit, in the order of the claims, to credit once per project and unit. */
  credits: PointsCredit[];
  /** The ledger's reason for these credits. */
  creditReason: string;
}

/** The submitting community confirms the work done with a rating; the claiming units earn the points. */
export function complete<P extends ProjectRef & { submitterId: string; claims: readonly ClaimShare[] }>(
  project: P,
  completion: Completion,
): CompletionChange<P> {
  const { rating, note } = completion;
  if (!Number.isInteger(rating) || (rating as number) < 1 || (rating as number) > 5) {
    throw new ProjectError('invalid-request', 'rating must be a whole number from 1 to 5', {
      field: 'rating',
    });
  }
  if (note !== undefined && (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH)) {
    throw new ProjectError('invalid-request', `note must be text of at most ${MAX_NOTE_LENGTH} characters`, {
      field: 'note',
    });
  }
  if (completion.communityId !== project.submitterId) {
    throw new ProjectError(
      'not-allowed',
      `only ${project.submitterId}, who asked for it, can confirm project ${project.id}`,
    );
  }
  const opens = completion.windowOpensAt;
  if (opens !== undefined && completion.at < opens) {
    throw new ProjectError(
      'window-not-open',
      `project ${project.id}'s window opens at ${new Date(opens).toISOString()}; its work can be confirmed from then`,
    );
  }
  const waiting = unitsYetToReport(project.claims, completion.reportedUnitIds);
  if (waiting.length > 0) {
    throw new ProjectError(
      'work-not-reported',
      `project ${project.id} cannot be confirmed before ${waiting.join(', ')} reported the work done`,
    );
  }
  const rated = `rated ${String(rating)}`;
  const said = typeof note === 'string' ? note.trim() : '';
  const reason = said !== '' ? `${rated}: ${said}` : rated;
  // The rating and note as data too: reports and screens read them, not the reason's words.
  const { project: completed, event } = moveTo(project, 'completed', {
    actor: completion.communityId,
    at: completion.at,
    reason,
    details: { rating: rating as number, ...(said !== '' ? { note: said } : {}) },
  });
  return {
    project: completed,
    events: [event],
    credits: splitPoints(completion.pointsPerProject, project.claims),
    creditReason: POINTS_FOR_COMPLETION,
  };
}
