import { ProjectError, type Allocation, type Offer, type OfferStage, type Project } from '@redcrowd/projects';

/** Units and a community from the seed articles (洛阳 涧西区 alliance). */
export const ACADEMY = 'unit-kongkong-daodan'; // 空空导弹研究院
export const UNIVERSITY = 'unit-keji-daxue'; // 河南科技大学
export const HOSPITAL = 'unit-renmin-yiyuan'; // 市第一人民医院
export const COMMUNITY = 'community-014'; // 014中心社区

export const PROJECT_ID = '5b0d3c1e-8f7a-4c2b-9d1e-0a1b2c3d4e5f';
export const ALLIANCE = 'jianxi';
export const T0 = Date.UTC(2026, 11, 1, 1, 0, 0);
export const HOUR = 3_600_000;

export function allocation(
  resourceItemPk: string,
  unitId: string,
  quantity: number,
  pinned = false,
): Allocation {
  return { resourceItemPk, unitId, quantity, pinned };
}

export function openOffer(
  id: string,
  unitId: string,
  quantity: number,
  expiresAt = T0 + 48 * HOUR,
  stage: OfferStage = 'paired',
): Offer {
  return { id, unitId, quantity, stage, status: 'open', expiresAt };
}

/** A project of 10 asked: 6 from the academy's item 101, 4 from the university's item 202. */
export function project(overrides: Partial<Project> = {}): Project {
  return {
    id: PROJECT_ID,
    allianceId: ALLIANCE,
    status: 'proposed',
    version: 3,
    requested: 10,
    unmet: 0,
    submitterId: COMMUNITY,
    allocations: [allocation('101', ACADEMY, 6), allocation('202', UNIVERSITY, 4)],
    offers: [],
    claims: [],
    ...overrides,
  };
}

/** Offer ids that say what they are: `paired:unit` or `open-hall:unit`. */
export const offerIds = (unitId: string, stage: OfferStage): string => `${stage}:${unitId}`;

/** The ProjectError `action` throws; fails the test when it throws nothing or something else. */
export function refusal(action: () => unknown): ProjectError {
  try {
    action();
  } catch (error) {
    if (error instanceof ProjectError) return error;
    throw error;
  }
  throw new Error('expected a ProjectError');
}
