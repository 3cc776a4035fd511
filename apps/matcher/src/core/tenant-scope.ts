import { Injectable } from '@nestjs/common';
import { assertSameAlliance, type Principal } from '@redcrowd/auth';
import { DomainError } from '@redcrowd/contracts';
import { TenancyRepository, UnitOfWork } from '@redcrowd/persistence';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Checks that a project or offer named in a URL belongs to the caller's alliance before any
 * handler touches it. Another alliance's project is answered 404, like one that does not exist.
 */
@Injectable()
export class TenantScope {
  constructor(
    private readonly work: UnitOfWork,
    private readonly tenancy: TenancyRepository,
  ) {}

  async project(caller: Principal, projectId: string): Promise<string> {
    // Anything but a UUID cannot name a project; answering 404 keeps Postgres from a cast error.
    if (!isUuid(projectId)) throw new DomainError('project-not-found', `no project ${projectId}`);
    const allianceId = await this.work.single((tx) => this.tenancy.allianceOfProject(tx, projectId));
    assertSameAlliance(caller, allianceId, `project ${projectId}`);
    return projectId;
  }

  async offer(caller: Principal, offerId: string): Promise<string> {
    if (!isUuid(offerId)) throw new DomainError('offer-not-found', `no offer ${offerId}`);
    const allianceId = await this.work.single((tx) => this.tenancy.allianceOfOffer(tx, offerId));
    assertSameAlliance(caller, allianceId, `offer ${offerId}`);
    return offerId;
  }
}
