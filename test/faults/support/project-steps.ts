import type { Client } from 'pg';
import type { TokenSubject } from '@redcrowd/auth';
import type { MatcherProcess } from '@test/support/intake-process';
import { authHeaders, communityOf, coordinatorOf, unitOf } from '@test/support/tokens';

/** A proposed project as it stands now: what the steps below need of it. */
export interface ProposedProject {
  projectId: string;
  allianceId: string;
  /** The community whose demand it serves. */
  submitterId: string;
  allocations: Array<{ unitId: string; quantity: number }>;
}

/**
 * The alliances' proposed projects with their current allocations, read from the database:
 * a later round may have revised the allocations the proposal event carried.
 */
export async function proposedProjects(db: Client, alliancePrefix: string): Promise<ProposedProject[]> {
  const { rows } = await db.query<ProposedProject>(
    `SELECT p.id AS "projectId", p.alliance_id AS "allianceId", l.submitter_id AS "submitterId",
            json_agg(json_build_object('unitId', pa.unit_id, 'quantity', pa.quantity)) AS allocations
     FROM projects p
     JOIN project_allocations pa ON pa.project_id = p.id
     JOIN demand_items di ON di.id = p.demand_item_pk
     JOIN lists l ON l.id = di.list_pk
     WHERE p.alliance_id LIKE $1 AND p.status = 'proposed'
     GROUP BY p.id, l.submitter_id ORDER BY p.created_at, p.id`,
    [`${alliancePrefix}%`],
  );
  return rows;
}

/**
 * A project's way after its proposal, over the matcher's HTTP API as the coordinator, the
 * unit and the community would go it: approve (offers go out), claim (认领), start, report
 * (完成报告) and confirm completion, which credits the points (积分).
 */
export class ProjectSteps {
  constructor(private readonly matcher: MatcherProcess) {}

  async approve(project: ProposedProject): Promise<void> {
    await this.post(
      `/projects/${project.projectId}/approve`,
      coordinatorOf(project.allianceId),
      {},
      'offered',
    );
  }

  /** Approves, claims the whole allocation by its units, does and reports the work, and completes it. */
  async complete(project: ProposedProject): Promise<void> {
    await this.approve(project);
    const units = [...new Set(project.allocations.map((allocation) => allocation.unitId))];
    for (const allocation of project.allocations) {
      await this.post('/claims', unitOf(project.allianceId, allocation.unitId), {
        claimId: `claim-${project.projectId}-${allocation.unitId}`,
        projectId: project.projectId,
        unitId: allocation.unitId,
        quantity: allocation.quantity,
        submittedAt: '2026-12-01T09:00:00+08:00',
      });
    }
    await this.post(`/projects/${project.projectId}/start`, unitOf(project.allianceId, units[0]!), {});
    for (const unitId of units) {
      await this.post(`/projects/${project.projectId}/report`, unitOf(project.allianceId, unitId), {
        note: '送餐完成',
        hours: '2',
      });
    }
    const community = communityOf(project.allianceId, project.submitterId);
    await this.post(`/projects/${project.projectId}/complete`, community, { rating: 5 }, 'completed');
  }

  private async post(path: string, who: TokenSubject, body: unknown, status?: string): Promise<void> {
    const response = await fetch(`${this.matcher.url}${path}`, {
      method: 'POST',
      headers: await authHeaders(who),
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { status?: string };
    if (!response.ok || (status && answer.status !== status)) {
      throw new Error(`POST ${path} answered ${response.status} ${JSON.stringify(answer)}`);
    }
  }
}
