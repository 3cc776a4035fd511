import type { ListKind, SubmitterKind } from '@redcrowd/contracts';
import type { Words } from '../cells';

/** The list's own fields, kept on the 清单信息 sheet as label and value rows. */
export type ListInfoKey =
  'allianceId' | 'submitterKind' | 'submitterId' | 'submitterName' | 'listId' | 'revision';

export interface ListInfoField {
  key: ListInfoKey;
  label: Words;
  note: Words;
}

export function listInfoFields(kind: ListKind): ListInfoField[] {
  const submitter: Words =
    kind === 'resource' ? { zh: '单位', en: 'Unit' } : { zh: '提交方', en: 'Submitter' };
  return [
    {
      key: 'allianceId',
      label: { zh: '联盟编号', en: 'Alliance id' },
      note: { zh: '由联席会提供', en: 'Given by the joint meeting' },
    },
    ...(kind === 'demand'
      ? [
          {
            key: 'submitterKind' as const,
            label: { zh: '提交方类型', en: 'Submitter kind' },
            note: { zh: '社区 或 单位', en: '社区 (community) or 单位 (unit)' },
          },
        ]
      : []),
    {
      key: 'submitterId',
      label: { zh: `${submitter.zh}编号`, en: `${submitter.en} id` },
      note: { zh: '成员名册中的编号', en: 'The id on the roster' },
    },
    {
      key: 'submitterName',
      label: { zh: `${submitter.zh}名称`, en: `${submitter.en} name` },
      note: { zh: '如 洛阳理工学院', en: 'e.g. 洛阳理工学院' },
    },
    {
      key: 'listId',
      label: { zh: '清单编号', en: 'List id' },
      note: {
        zh: '同一份清单每次修订保持不变；留空使用默认编号',
        en: 'Keep it across revisions; blank: the default list',
      },
    },
    {
      key: 'revision',
      label: { zh: '版本号', en: 'Revision' },
      note: {
        zh: '留空则自动取下一版本；内容未变时不产生新版本',
        en: 'Blank: the next revision, or the same one when nothing changed',
      },
    },
  ];
}

/** Submitter kinds as a demand list's info sheet may write them. */
export function submitterKindOf(text: string): SubmitterKind | undefined {
  const normal = text.trim().toLowerCase();
  if (['社区', 'community'].includes(normal)) return 'community';
  if (['单位', '成员单位', 'unit'].includes(normal)) return 'unit';
  return undefined;
}

/** The list id a workbook without one revises: one standing list per submitter and kind. */
export const DEFAULT_LIST_IDS: Record<ListKind, string> = {
  resource: 'resource-list',
  demand: 'demand-list',
};
