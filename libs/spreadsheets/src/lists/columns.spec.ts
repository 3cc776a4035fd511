import { DEMAND_COLUMNS, RESOURCE_COLUMNS, columnsOf, findColumn, headerKey } from './columns';
import { listInfoFields, submitterKindOf } from './list-info';

describe('list columns', () => {
  it('gives each kind of list its columns in the template’s order', () => {
    expect(columnsOf('resource').map((column) => column.key)).toEqual([
      'itemId',
      'category',
      'title',
      'description',
      'quantity',
      'unit',
      'place',
      'lat',
      'lng',
      'serviceRadiusKm',
      'from',
      'to',
      'tags',
    ]);
    expect(columnsOf('demand').map((column) => column.key)).toEqual([
      'itemId',
      'category',
      'title',
      'description',
      'quantity',
      'unit',
      'place',
      'lat',
      'lng',
      'from',
      'to',
      'urgency',
      'beneficiaries',
      'tags',
    ]);
  });

  it('requires what an item cannot do without, and names the windows by the kind of list', () => {
    const required = (kind: 'resource' | 'demand') =>
      columnsOf(kind)
        .filter((column) => column.required)
        .map((column) => column.header.zh);
    expect(required('resource')).toEqual([
      '服务类别',
      '名称',
      '数量',
      '单位',
      '服务半径(公里)',
      '可提供开始日期',
      '可提供截止日期',
    ]);
    expect(required('demand')).toEqual(['服务类别', '名称', '数量', '单位', '需求开始日期', '需求截止日期']);
    expect(RESOURCE_COLUMNS.slice(-3, -1).map((column) => column.header.en)).toEqual([
      'Available from',
      'Available until',
    ]);
    expect(DEMAND_COLUMNS.slice(9, 11).map((column) => column.header.en)).toEqual([
      'Needed from',
      'Needed until',
    ]);
  });

  it('has a header and a how-to note in both languages for every column', () => {
    for (const column of [...RESOURCE_COLUMNS, ...DEMAND_COLUMNS]) {
      for (const words of [column.header, column.note]) {
        expect(words.zh).toMatch(/\S/);
        expect(words.en).toMatch(/\S/);
        expect(words.zh).not.toBe(words.en);
      }
    }
  });
});

describe('findColumn', () => {
  const find = (header: string) => findColumn(RESOURCE_COLUMNS, header)?.key;

  it('knows a column by its Chinese header, its English words or its field key', () => {
    expect(find('数量')).toBe('quantity');
    expect(find('数量*')).toBe('quantity');
    expect(find(' 数 量 ＊')).toBe('quantity');
    expect(find('Quantity')).toBe('quantity');
    expect(find('UNIT OF MEASURE')).toBe('unit');
    expect(find('serviceRadiusKm')).toBe('serviceRadiusKm');
    expect(find('Service radius (km)')).toBe('serviceRadiusKm');
    expect(find('available from')).toBe('from');
    expect(find('itemid')).toBe('itemId');
  });

  it('knows 服务半径(公里) written without its unit or with other brackets', () => {
    expect(find('服务半径(公里)')).toBe('serviceRadiusKm');
    expect(find('服务半径')).toBe('serviceRadiusKm');
    expect(find('服务半径（km）*')).toBe('serviceRadiusKm');
    expect(find('服务半径(km)(最远)')).toBe('serviceRadiusKm');
  });

  it('knows no column for blank or other headers', () => {
    expect(find('')).toBeUndefined();
    expect(find(' * ')).toBeUndefined();
    expect(find('半径')).toBeUndefined();
    expect(find('服务')).toBeUndefined();
    expect(find('服务半径公里')).toBeUndefined();
    expect(find('紧急程度')).toBeUndefined();
    expect(findColumn(DEMAND_COLUMNS, '紧急程度')?.key).toBe('urgency');
  });

  it('keys a header without stars, spaces, case or width', () => {
    expect(headerKey(' Ｉｔｅｍ id* ')).toBe('itemid');
  });
});

describe('list info fields', () => {
  it('asks a resource list for its unit and a demand list for its submitter and its kind', () => {
    expect(listInfoFields('resource').map(({ key, label }) => [key, label.zh, label.en])).toEqual([
      ['allianceId', '联盟编号', 'Alliance id'],
      ['submitterId', '单位编号', 'Unit id'],
      ['submitterName', '单位名称', 'Unit name'],
      ['listId', '清单编号', 'List id'],
      ['revision', '版本号', 'Revision'],
    ]);
    expect(listInfoFields('demand').map(({ key, label }) => [key, label.zh, label.en])).toEqual([
      ['allianceId', '联盟编号', 'Alliance id'],
      ['submitterKind', '提交方类型', 'Submitter kind'],
      ['submitterId', '提交方编号', 'Submitter id'],
      ['submitterName', '提交方名称', 'Submitter name'],
      ['listId', '清单编号', 'List id'],
      ['revision', '版本号', 'Revision'],
    ]);
  });

  it('has a note in both languages for every field', () => {
    for (const field of [...listInfoFields('resource'), ...listInfoFields('demand')]) {
      expect(field.note.zh).toMatch(/\S/);
      expect(field.note.en).toMatch(/\S/);
      expect(field.note.zh).not.toBe(field.note.en);
    }
  });

  it('reads a submitter kind in either language', () => {
    expect(submitterKindOf('社区')).toBe('community');
    expect(submitterKindOf(' Community ')).toBe('community');
    expect(submitterKindOf('单位')).toBe('unit');
    expect(submitterKindOf('成员单位')).toBe('unit');
    expect(submitterKindOf('UNIT')).toBe('unit');
    expect(submitterKindOf('街道')).toBeUndefined();
    expect(submitterKindOf('')).toBeUndefined();
  });
});
