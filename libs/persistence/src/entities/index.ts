import { AccountIdentityEntity } from './account-identity.entity';
import { SsoLoginEntity } from './sso-login.entity';
import { AccountEventEntity } from './account-event.entity';
import { AccountLinkEntity } from './account-link.entity';
import { AccountMembershipEntity } from './account-membership.entity';
import { AccountEntity } from './account.entity';
import { AuthRefreshTokenEntity } from './auth-refresh-token.entity';
import { AuthSessionEntity } from './auth-session.entity';
import { SigningKeyEntity } from './signing-key.entity';
import { AllianceCategoryEntity } from './alliance-category.entity';
import { AllianceMemberEventEntity } from './alliance-member-event.entity';
import { AllianceMemberEntity } from './alliance-member.entity';
import { AlliancePolicyEntity } from './alliance-policy.entity';
import { AlliancePlaceEntity } from './alliance-place.entity';
import { ClaimEntity } from './claim.entity';
import { DemandItemEntity } from './demand-item.entity';
import { IntakeRejectionEntity } from './intake-rejection.entity';
import { ListEntity } from './list.entity';
import { OfferEntity } from './offer.entity';
import { OutboxEventEntity } from './outbox-event.entity';
import { PointsEntryEntity } from './points-entry.entity';
import { ProcessedMessageEntity } from './processed-message.entity';
import { ThrottleCounterEntity } from './throttle-counter.entity';
import { ProjectAllocationEntity } from './project-allocation.entity';
import { ProjectEventEntity } from './project-event.entity';
import { ProjectWorkReportEntity } from './project-work-report.entity';
import { ProjectEntity } from './project.entity';
import { ResourceItemEntity } from './resource-item.entity';
import { UnmatchedDemandEntity } from './unmatched-demand.entity';

export * from './account-event.entity';
export * from './account-identity.entity';
export * from './sso-login.entity';
export * from './account-link.entity';
export * from './account-membership.entity';
export * from './account.entity';
export * from './auth-refresh-token.entity';
export * from './auth-session.entity';
export * from './signing-key.entity';
export * from './alliance-category.entity';
export * from './alliance-member-event.entity';
export * from './alliance-member.entity';
export * from './alliance-policy.entity';
export * from './alliance-place.entity';
export * from './claim.entity';
export * from './demand-item.entity';
export * from './intake-rejection.entity';
export * from './list.entity';
export * from './offer.entity';
export * from './outbox-event.entity';
export * from './points-entry.entity';
export * from './processed-message.entity';
export * from './project-allocation.entity';
export * from './project-event.entity';
export * from './project-work-report.entity';
export * from './throttle-counter.entity';
export * from './project.entity';
export * from './resource-item.entity';
export * from './unmatched-demand.entity';

/** Every entity, for the data source. */
export const ENTITIES = [
  AccountIdentityEntity,
  SsoLoginEntity,
  AccountEventEntity,
  AccountLinkEntity,
  AccountMembershipEntity,
  AccountEntity,
  AuthRefreshTokenEntity,
  AuthSessionEntity,
  SigningKeyEntity,
  AllianceCategoryEntity,
  AllianceMemberEntity,
  AllianceMemberEventEntity,
  AlliancePolicyEntity,
  AlliancePlaceEntity,
  ClaimEntity,
  DemandItemEntity,
  IntakeRejectionEntity,
  ListEntity,
  OfferEntity,
  OutboxEventEntity,
  PointsEntryEntity,
  ProcessedMessageEntity,
  ThrottleCounterEntity,
  ProjectAllocationEntity,
  ProjectEntity,
  ProjectEventEntity,
  ProjectWorkReportEntity,
  ResourceItemEntity,
  UnmatchedDemandEntity,
];
