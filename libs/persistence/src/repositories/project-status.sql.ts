import { ENDED_WITHOUT_WORK_STATUSES, HOLDING_STATUSES, sqlList } from '@redcrowd/projects';

/*
 * Conditions on a project row aliased `p`, derived from libs/projects' status rules, for the
 * read models that share them (dashboard.repository.ts, alliance-overview.queries.ts).
 */

/** A project in these statuses still stands for its demand; the others ended without work. */
export const LIVE_PROJECT = `p.status NOT IN ${sqlList(ENDED_WITHOUT_WORK_STATUSES)}`;

/** A project in these statuses holds its resources' capacity. */
export const HOLDING_PROJECT = `p.status IN ${sqlList(HOLDING_STATUSES)}`;
