import { Injectable } from '@nestjs/common';
import {
  DashboardRepository,
  PointsRepository,
  UnitOfWork,
  type AllianceMap,
  type AllianceOverview,
  type MemberProfile,
  type StoredResourceList,
  type UnmetDemand,
} from '@redcrowd/persistence';

/**
 * The dashboard's read models. A picture made of several queries (the overview) is read
 * in one snapshot, so its figures agree with each other.
 */
@Injectable()
export class DashboardReads {
  constructor(
    private readonly work: UnitOfWork,
    private readonly reads: DashboardRepository,
    private readonly points: PointsRepository,
  ) {}

  overview(allianceId: string): Promise<AllianceOverview> {
    return this.work.read((tx) => this.reads.overview(tx, allianceId));
  }

  unmet(allianceId: string): Promise<UnmetDemand[]> {
    return this.work.single((tx) => this.reads.unmet(tx, allianceId));
  }

  map(allianceId: string): Promise<AllianceMap> {
    return this.work.read((tx) => this.reads.map(tx, allianceId));
  }

  alliances() {
    return this.work.single((tx) => this.reads.alliances(tx));
  }

  offersOfUnit(allianceId: string, unitId: string): Promise<object[]> {
    return this.work.single((tx) => this.reads.offersOfUnit(tx, allianceId, unitId));
  }

  claimsOfUnit(allianceId: string, unitId: string): Promise<object[]> {
    return this.work.single((tx) => this.reads.claimsOfUnit(tx, allianceId, unitId));
  }

  pointsOf(allianceId: string, unitId: string) {
    return this.work.single((tx) => this.points.pointsOf(tx, allianceId, unitId));
  }

  resourceListsOf(allianceId: string, unitId: string): Promise<StoredResourceList[]> {
    return this.work.single((tx) => this.reads.resourceListsOf(tx, allianceId, unitId));
  }

  memberProfile(
    allianceId: string,
    kind: 'unit' | 'community',
    memberId: string,
  ): Promise<MemberProfile | null> {
    return this.work.single((tx) => this.reads.memberProfile(tx, allianceId, kind, memberId));
  }

  demandsOf(allianceId: string, submitterId: string): Promise<object[]> {
    return this.work.single((tx) => this.reads.demandsOf(tx, allianceId, submitterId));
  }
}
