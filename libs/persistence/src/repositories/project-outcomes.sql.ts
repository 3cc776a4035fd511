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
