import { InitialIntakeSchema1795219200000 } from './1795219200000-initial-intake-schema';
import { ProjectsSchema1795305600000 } from './1795305600000-projects-schema';
import { ClaimsSchema1795392000000 } from './1795392000000-claims-schema';
import { AlliancePolicies1795478400000 } from './1795478400000-alliance-policies';
import { DashboardSupport1795564800000 } from './1795564800000-dashboard-support';
import { AllianceRoster1795651200000 } from './1795651200000-alliance-roster';
import { OpenRegistration1795737600000 } from './1795737600000-open-registration';
import { Accounts1795824000000 } from './1795824000000-accounts';
import { SingleSignOn1795910400000 } from './1795910400000-single-sign-on';
import { Gazetteer1795996800000 } from './1795996800000-gazetteer';
import { AllianceTimeZone1796083200000 } from './1796083200000-alliance-time-zone';
import { OfferDeclineReason1796169600000 } from './1796169600000-offer-decline-reason';
import { WorkReports1796256000000 } from './1796256000000-work-reports';
import { OutboxHeaders1796342400000 } from './1796342400000-outbox-headers';
import { ThrottleCounters1796428800000 } from './1796428800000-throttle-counters';

/** Every migration, oldest first. Committed migrations are never edited. */
export const MIGRATIONS = [
  InitialIntakeSchema1795219200000,
  ProjectsSchema1795305600000,
  ClaimsSchema1795392000000,
  AlliancePolicies1795478400000,
  DashboardSupport1795564800000,
  AllianceRoster1795651200000,
  OpenRegistration1795737600000,
  Accounts1795824000000,
  SingleSignOn1795910400000,
  Gazetteer1795996800000,
  AllianceTimeZone1796083200000,
  OfferDeclineReason1796169600000,
  WorkReports1796256000000,
  OutboxHeaders1796342400000,
  ThrottleCounters1796428800000,
];
