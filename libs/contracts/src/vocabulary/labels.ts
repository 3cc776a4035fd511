import type { DefaultCategory, QuantityUnit, Urgency } from '../taxonomy';
import type { ProjectStatus } from '../projects/project-status';

/**
 * The words people use for the vocabularies' codes, in Chinese and English. Spreadsheets
 * (templates, imports, exports, the monthly report) show these instead of codes, and an
 * imported cell may hold either the code or one of its words. The Record types make every
 * code of a vocabulary need its words. (The dashboard's i18n.js still has its own copy.)
 */
export interface Label {
  zh: string;
  en: string;
}

export const CATEGORY_LABELS: Readonly<Record<DefaultCategory, Label>> = {
  'elderly-care': { zh: '养老服务', en: 'Elderly care' },
  childcare: { zh: '托育服务', en: 'Childcare' },
  education: { zh: '教育辅导', en: 'Education' },
  health: { zh: '医疗健康', en: 'Health' },
  legal: { zh: '法律服务', en: 'Legal aid' },
  'culture-sports': { zh: '文体活动', en: 'Culture & sports' },
  venue: { zh: '场地设施', en: 'Venue' },
  volunteering: { zh: '志愿服务', en: 'Volunteering' },
  funds: { zh: '资金支持', en: 'Funds' },
  goods: { zh: '物资捐赠', en: 'Goods' },
  repairs: { zh: '维修服务', en: 'Repairs' },
  safety: { zh: '平安建设', en: 'Safety' },
  environment: { zh: '环境整治', en: 'Environment' },
  employment: { zh: '就业帮扶', en: 'Employment' },
  'business-support': { zh: '助企服务', en: 'Business support' },
};

export const QUANTITY_UNIT_LABELS: Readonly<Record<QuantityUnit, Label>> = {
  'person-hours': { zh: '人·时', en: 'person-hours' },
  sessions: { zh: '场', en: 'sessions' },
  people: { zh: '人', en: 'people' },
  items: { zh: '件', en: 'items' },
  yuan: { zh: '元', en: 'yuan' },
  'sqm-days': { zh: '平方米·天', en: 'm²·days' },
  meals: { zh: '份', en: 'meals' },
  visits: { zh: '次', en: 'visits' },
  hours: { zh: '小时', en: 'hours' },
  days: { zh: '天', en: 'days' },
  seats: { zh: '座', en: 'seats' },
  kg: { zh: '千克', en: 'kg' },
};

export const URGENCY_LABELS: Readonly<Record<Urgency, Label>> = {
  routine: { zh: '常规', en: 'Routine' },
  urgent: { zh: '紧急', en: 'Urgent' },
  critical: { zh: '特急', en: 'Critical' },
};

export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, Label>> = {
  proposed: { zh: '待审核', en: 'Proposed' },
  approved: { zh: '已通过', en: 'Approved' },
  offered: { zh: '已派单', en: 'Offered' },
  claimed: { zh: '已认领', en: 'Claimed' },
  'in-progress': { zh: '实施中', en: 'In progress' },
  completed: { zh: '已完成', en: 'Completed' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  expired: { zh: '已过期', en: 'Expired' },
};

/** A category's words; an alliance's own category (no words known) shows as its code. */
export function categoryLabel(code: string): Label {
  return (CATEGORY_LABELS as Record<string, Label | undefined>)[code] ?? { zh: code, en: code };
}
