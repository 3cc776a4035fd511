/*
 * How a project ended, read from its audit trail (project_events), for the read models that
 * show it: the exports and monthly report, the community's demands, the unmet list.
 */

/**
 * The completion (验收) of project `${project}`: when, the 1–5 rating and the note, from the
 * audit row's details as libs/projects' complete() writes them. Rows written before it recorded
 * details carry them only in the reason ("rated 4: note"), which is read then.
 */
export const completionOf = (project: string, alias: string) => `LEFT JOIN LATERAL (
    SELECT e.at,
      coalesce(CASE WHEN e.details->>'rating' ~ '^[1-5]$' THEN (e.details->>'rating')::int END,
               substring(e.reason from '^rated ([1-5])')::int) AS rating,
      CASE WHEN e.details ? 'rating' THEN nullif(e.details->>'note', '')
           ELSE nullif(substring(e.reason from '^rated [1-5]: (.*)$'), '') END AS note
    FROM project_events e WHERE e.project_id = ${project} AND e.action = 'completed'
    ORDER BY e.at DESC, e.id DESC LIMIT 1
  ) ${alias} ON true`;

/**
 * The demand item `${demand}`'s newest project the joint meeting rejected, with the reason it
 * gave and when: what the community is told instead of "not matched yet".
 */
export const rejectionOf = (demand: string, alias: string) => `LEFT JOIN LATERAL (
    SELECT p.id, e.reason, e.at
    FROM projects p JOIN project_events e ON e.project_id = p.id AND e.action = 'rejected'
    WHERE p.demand_item_pk = ${demand} AND p.status = 'rejected'
    ORDER BY e.at DESC, e.id DESC LIMIT 1
  ) ${alias} ON true`;

/** A unit's display name in an alliance: its newest list's, else the roster's, else null. */
export const unitNameOf = (alliance: string, unit: string) => `coalesce(
    (SELECT l.submitter_name FROM lists l WHERE l.alliance_id = ${alliance} AND l.submitter_kind = 'unit'
       AND l.submitter_id = ${unit} ORDER BY l.updated_at DESC, l.id DESC LIMIT 1),
    (SELECT am.name FROM alliance_members am WHERE am.alliance_id = ${alliance} AND am.member_kind = 'unit'
       AND am.member_id = ${unit}))`;

/** One work report (完成报告) `${report}` as the read models give it, without the photo's bytes. */
const reportJson = (report: string, alliance: string) => `json_build_object(
    'unitId', ${report}.unit_id, 'unitName', ${unitNameOf(alliance, `${report}.unit_id`)},
    'note', ${report}.note, 'hours', ${report}.hours::float8, 'reportedAt', ${report}.reported_at,
    'hasPhoto', ${report}.photo_type IS NOT NULL)`;

/**
 * The work reports on project `${project}` of alliance `${alliance}`, oldest first, and the
 * accepted claimers yet to report (their ids and names): what the community confirms against.
 */
export const workReportsOf = (project: string, alliance: string) => `(SELECT coalesce(json_agg(
    ${reportJson('wr', alliance)} ORDER BY wr.reported_at, wr.id), '[]')
  FROM project_work_reports wr WHERE wr.project_id = ${project})`;

export const unitsYetToReportOn = (project: string, alliance: string) => `(SELECT coalesce(json_agg(
    json_build_object('unitId', yc.unit_id, 'unitName', ${unitNameOf(alliance, 'yc.unit_id')})
    ORDER BY yc.decided_at, yc.id), '[]')
  FROM claims yc WHERE yc.project_id = ${project} AND yc.decision = 'accepted'
    AND NOT EXISTS (SELECT 1 FROM project_work_reports yr
                    WHERE yr.project_id = yc.project_id AND yr.unit_id = yc.unit_id))`;

/** Unit `${unit}`'s own work report on project `${project}`, or null. */
export const ownWorkReport = (
  project: string,
  unit: string,
  alliance: string,
) => `(SELECT ${reportJson('ow', alliance)}
  FROM project_work_reports ow WHERE ow.project_id = ${project} AND ow.unit_id = ${unit})`;
