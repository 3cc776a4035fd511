import { type DataSource } from 'typeorm';
import { assertSameAlliance, type Principal } from '@redcrowd/auth';
import { type DashboardRepository } from '@redcrowd/persistence';
import { requireUuid } from '../review/http-params';

/**
 * Checks that a project or offer named in a URL belongs to the caller's alliance before any
 * handler touches it. Another alliance's project is answered 404, like one that does not exist.
 */
export class TenantScope {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: DashboardRepository,
  ) {}

  async project(caller: Principal, projectId: string): Promise<string> {
    const id = requireUuid(projectId);
    assertSameAlliance(
      caller,
      await this.reads.allianceOfProject(this.dataSource.manager, id),
      `project ${id}`,
    );
    return id;
  }

  async offer(caller: Principal, offerId: string): Promise<string> {
    const id = requireUuid(offerId, 'offer');
    assertSameAlliance(caller, await this.reads.allianceOfOffer(this.dataSource.manager, id), `offer ${id}`);
    return id;
  }
}
