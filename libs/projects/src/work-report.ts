import { ProjectError } from './errors';
import type { ProjectChange } from './events';
import { recordEdit, requireStatus } from './lifecycle';
import type { ClaimShare, ProjectRef } from './model';

/** Longest note a unit may write when it reports its work done. */
export const MAX_REPORT_NOTE_LENGTH = 1000;

/** Most hours one report may claim: a month of days, far above any one project's work. */
export const MAX_REPORT_HOURS = 720;

/** A photo of the work, as the caller has checked it (its media type read from its bytes). */
export interface ReportPhoto {
  mediaType: string;
  bytes: number;
}

/** 完成报告: a claiming unit says its part of the work is done, before the community confirms. */
export interface WorkReport {
  unitId: string;
  /** What was done, required: the community confirms against it. */
  note: unknown;
  /** Volunteer hours spent, > 0, in tenths at most (志愿服务时长). */
  hours: unknown;
  photo?: ReportPhoto;
  at: number;
}

/**
 * A unit with an accepted claim reports its part of work in progress done: what it did, the
 * hours and optionally a photo. The project stays in progress (an edit in place, versioned
 * and audited like one); the community confirms completion once every claiming unit has
 * reported (see complete). A unit may report again to correct its report.
 */
export function reportWork<P extends ProjectRef & { claims: readonly ClaimShare[] }>(
  project: P,
  report: WorkReport,
): ProjectChange<P> {
  if (!project.claims.some((share) => share.unitId === report.unitId)) {
    throw new ProjectError(
      'not-allowed',
      `only a unit that claimed project ${project.id} can report its work done`,
    );
  }
  requireStatus(project, 'in-progress', 'reported done');
  const note = typeof report.note === 'string' ? report.note.trim() : '';
  if (note === '' || note.length > MAX_REPORT_NOTE_LENGTH) {
    throw new ProjectError(
      'invalid-request',
      `note must say what was done, in at most ${MAX_REPORT_NOTE_LENGTH} characters`,
      { field: 'note' },
    );
  }
  const { hours } = report;
  if (!isHours(hours)) {
    throw new ProjectError(
      'invalid-request',
      `hours must be a number above 0 and at most ${MAX_REPORT_HOURS}, in tenths at most`,
      { field: 'hours' },
    );
  }
  const { project: reported, event } = recordEdit(project, {
    actor: report.unitId,
    at: report.at,
    action: 'work-reported',
    details: {
      hours,
      note,
      ...(report.photo ? { photo: report.photo.mediaType, photoBytes: report.photo.bytes } : {}),
    },
  });
  return { project: reported, events: [event] };
}

function isHours(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value > 0 &&
    value <= MAX_REPORT_HOURS &&
    Math.abs(Math.round(value * 10) - value * 10) < 1e-9
  );
}

/** The claiming units that have not reported their part yet, in the order of the claims. */
export function unitsYetToReport(
  claims: readonly ClaimShare[],
  reportedUnitIds: readonly string[],
): string[] {
  const reported = new Set(reportedUnitIds);
  return claims.map((share) => share.unitId).filter((unitId) => !reported.has(unitId));
}
