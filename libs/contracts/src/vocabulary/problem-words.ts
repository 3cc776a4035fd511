import type { Problem, ProblemCode } from '../validation/problem';
import type { Label } from './labels';

/*
 * What a problem says to the person who must fix it, in Chinese and English: the field by
 * its human name (第 4 项「数量」, not items[3].quantity) and what is wrong in plain words.
 * The `message` of a problem stays the precise, developer-facing sentence; screens, sheets
 * and the command line show these words instead.
 */

/** The human names of list fields and request fields, by path without item indexes. */
export const FIELD_LABELS: Readonly<Record<string, Label>> = {
  listId: { zh: '清单编号', en: 'list id' },
  revision: { zh: '版本号', en: 'revision' },
  allianceId: { zh: '联盟编号', en: 'alliance id' },
  submittedAt: { zh: '提交时间', en: 'submission time' },
  unit: { zh: '单位', en: 'unit' },
  'unit.id': { zh: '单位编号', en: 'unit id' },
  'unit.name': { zh: '单位名称', en: 'unit name' },
  submitter: { zh: '提交方', en: 'submitter' },
  'submitter.kind': { zh: '提交方类型', en: 'submitter kind' },
  'submitter.id': { zh: '提交方编号', en: 'submitter id' },
  'submitter.name': { zh: '提交方名称', en: 'submitter name' },
  items: { zh: '清单条目', en: 'items' },
  // An item's own fields (items[3].quantity is looked up as quantity).
  itemId: { zh: '编号', en: 'item id' },
  category: { zh: '服务类别', en: 'category' },
  title: { zh: '名称', en: 'title' },
  description: { zh: '说明', en: 'description' },
  quantity: { zh: '数量', en: 'quantity' },
  'item.unit': { zh: '计量单位', en: 'unit of measure' },
  location: { zh: '地点', en: 'place' },
  'location.lat': { zh: '纬度', en: 'latitude' },
  'location.lng': { zh: '经度', en: 'longitude' },
  'location.address': { zh: '地址', en: 'address' },
  serviceRadiusKm: { zh: '服务半径', en: 'service radius' },
  available: { zh: '可提供时间', en: 'availability' },
  'available.from': { zh: '可提供开始时间', en: 'available from' },
  'available.to': { zh: '可提供截止时间', en: 'available until' },
  window: { zh: '需求时间', en: 'time needed' },
  'window.from': { zh: '需求开始时间', en: 'needed from' },
  'window.to': { zh: '需求截止时间', en: 'needed until' },
  urgency: { zh: '紧急程度', en: 'urgency' },
  beneficiaries: { zh: '受益人数', en: 'beneficiaries' },
  tags: { zh: '标签', en: 'tags' },
  // Request fields of the HTTP routes.
  reason: { zh: '理由', en: 'reason' },
  rating: { zh: '评分', en: 'rating' },
  note: { zh: '备注', en: 'note' },
  hours: { zh: '服务时长', en: 'hours' },
  photo: { zh: '照片', en: 'photo' },
  claimId: { zh: '认领编号', en: 'claim id' },
  projectId: { zh: '项目编号', en: 'project id' },
  name: { zh: '名称', en: 'name' },
  lat: { zh: '纬度', en: 'latitude' },
  lng: { zh: '经度', en: 'longitude' },
  address: { zh: '地址', en: 'address' },
  timeZone: { zh: '时区', en: 'time zone' },
  month: { zh: '月份', en: 'month' },
};

const ITEM_FIELD = /^items\[(\d+)\](?:\.(.+))?$/;

/**
 * A field's human name: 第 4 项「数量」 / item 4: quantity. An unknown field keeps its path
 * in the quotes, which still says where to look.
 */
export function fieldWords(path: string): Label | undefined {
  if (path === '') return undefined;
  const item = ITEM_FIELD.exec(path);
  if (item) {
    const position = Number(item[1]) + 1;
    const inner = item[2]?.replace(/\[\d+\]$/, '');
    if (inner === undefined) return { zh: `第 ${position} 项`, en: `item ${position}` };
    const label = FIELD_LABELS[inner === 'unit' ? 'item.unit' : inner] ?? { zh: inner, en: inner };
    return { zh: `第 ${position} 项「${label.zh}」`, en: `item ${position}: ${label.en}` };
  }
  const field = path.replace(/\[\d+\]$/, '');
  const label = FIELD_LABELS[field] ?? { zh: field, en: field };
  return { zh: `「${label.zh}」`, en: label.en };
}

type Template = (field: Label) => Label;

// Each code's sentence, given the field's words; a code with no field uses its own subject.
const CODE_WORDS: Readonly<Record<ProblemCode, Template>> = {
  'empty-message': () => ({ zh: '没有收到清单内容', en: 'the list was empty' }),
  'message-too-large': () => ({
    zh: '清单过大，请拆分为几份清单',
    en: 'the list is too large; split it into several lists',
  }),
  'invalid-json': () => ({ zh: '清单不是有效的 JSON', en: 'the list is not valid JSON' }),
  'not-an-object': () => ({ zh: '清单格式不对', en: 'the list is not an object' }),
  'forbidden-key': (f) => ({ zh: `${f.zh}不允许使用`, en: `${f.en} is not allowed` }),
  'too-deep': () => ({ zh: '清单嵌套层级过深', en: 'the list is nested too deeply' }),
  'unknown-field': (f) => ({ zh: `${f.zh}不是清单的字段`, en: `${f.en} is not a field of the list` }),
  required: (f) => ({ zh: `请填写${f.zh}`, en: `${f.en} is required` }),
  'wrong-type': (f) => ({ zh: `${f.zh}的格式不对`, en: `${f.en} has the wrong type` }),
  'invalid-value': (f) => ({ zh: `${f.zh}不是可选的值`, en: `${f.en} is not one of the allowed values` }),
  'out-of-range': (f) => ({ zh: `${f.zh}超出允许范围`, en: `${f.en} is out of range` }),
  'too-long': (f) => ({ zh: `${f.zh}过长`, en: `${f.en} is too long` }),
  'too-short': (f) => ({ zh: `${f.zh}过短`, en: `${f.en} is too short` }),
  'too-many-items': () => ({
    zh: '清单条目过多，请拆分为几份清单',
    en: 'the list has too many items; split it into several lists',
  }),
  'too-few-items': () => ({ zh: '清单中至少要有一项', en: 'the list needs at least one item' }),
  'invalid-datetime': (f) => ({
    zh: `${f.zh}不是有效的日期（如 2026-12-01）`,
    en: `${f.en} is not a valid date (e.g. 2026-12-01)`,
  }),
  'window-order': (f) => ({ zh: `${f.zh}早于开始时间`, en: `${f.en} is before the start` }),
  'window-ended': (f) => ({
    zh: `${f.zh}已过，无法再提供或满足`,
    en: `${f.en} has passed; nobody could serve it any more`,
  }),
  'duplicate-item-id': (f) => ({
    zh: `${f.zh}与另一项重复；同一清单内编号不能重复`,
    en: `${f.en} is used by another item; ids must be unique within a list`,
  }),
  'unknown-category': (f) => ({
    zh: `${f.zh}不是本联盟的服务类别`,
    en: `${f.en} is not one of the alliance's categories`,
  }),
  'key-mismatch': () => ({
    zh: '消息键与提交方编号不一致',
    en: "the message key does not name the list's submitter",
  }),
  'stale-revision': () => ({
    zh: '已保存更新的版本；请提高版本号，或留空自动取下一版本',
    en: 'a newer revision is stored; raise the revision or leave it blank',
  }),
  'revision-conflict': () => ({
    zh: '该版本号已保存过内容不同的清单；请提高版本号，或留空自动取下一版本',
    en: 'this revision was stored with other content; raise the revision or leave it blank',
  }),
  'not-a-member': () => ({
    zh: '提交方不是本联盟已接纳的成员；请先由联席会协调员将其加入成员名册',
    en: 'the submitter is not an admitted member of the alliance; ask a coordinator to add it to the roster',
  }),
  'too-many-problems': () => ({
    zh: '问题过多，仅列出前面的部分',
    en: 'too many problems; only the first are listed',
  }),
  'internal-error': () => ({
    zh: '系统暂时无法保存，请稍后重试',
    en: 'the list could not be stored now; send it again later',
  }),
};

/** What a problem says to a person, in both languages, the field by its human name. */
export function problemWords(problem: Pick<Problem, 'path' | 'code'>, field?: Label): Label {
  const named = field ?? fieldWords(problem.path) ?? { zh: '该项', en: 'this field' };
  return CODE_WORDS[problem.code](named);
}
