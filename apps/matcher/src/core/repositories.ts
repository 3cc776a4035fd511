import {
  AllocationRepository,
  AlliancePolicyRepository,
  ClaimRepository,
  DashboardRepository,
  GazetteerRepository,
  MatchingPoolRepository,
  OfferRepository,
  PointsRepository,
  ProjectListingRepository,
  ProjectRepository,
  ReportRepository,
  RosterRepository,
  TenancyRepository,
  UnmatchedDemandRepository,
} from '@redcrowd/persistence';

/** Every repository the matcher's features use; each is stateless and takes the transaction per call. */
export const MATCHER_REPOSITORIES = [
  ProjectRepository,
  AllocationRepository,
  OfferRepository,
  ClaimRepository,
  PointsRepository,
  TenancyRepository,
  MatchingPoolRepository,
  UnmatchedDemandRepository,
  AlliancePolicyRepository,
  DashboardRepository,
  ProjectListingRepository,
  RosterRepository,
  ReportRepository,
  GazetteerRepository,
];
