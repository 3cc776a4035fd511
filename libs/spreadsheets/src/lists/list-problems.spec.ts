import type { Problem, ProblemCode } from '@redcrowd/contracts';
import { locateListProblems, mergeProblems, problemLine } from './list-problems';
import type { CellLocation, WorkbookProblem } from './workbook-problem';

const QUANTITY = { zh: '数量', en: 'Quantity' };
const ITEM_ID = { zh: '编号', en: 'Item id' };

/** The sheet as a reading places paths: items[0] on row 4, items[1] on row 5; the info sheet's alliance id. */
function locate(path: string): CellLocation | undefined {
  const places: Record<string, CellLocation> = {
    'items[0]': { sheet: '资源清单', row: 4 },
    'items[1]': { sheet: '资源清单', row: 5 },
    'items[0].quantity': { sheet: '资源清单', row: 4, column: 'E', columnName: QUANTITY },
    'items[1].itemId': { sheet: '资源清单', row: 5, column: 'A', columnName: ITEM_ID },
    'items[12].quantity': { sheet: '资源清单', row: 16, column: 'E', columnName: QUANTITY },
    allianceId: { sheet: '清单信息', row: 2, column: 'B', columnName: { zh: '联盟编号', en: 'Alliance id' } },
  };
  return places[path];
}

const problem = (path: string, code: ProblemCode, message: string): Problem => ({ path, code, message });

describe('locateListProblems', () => {
  it('places a problem on its cell, keeps its path, and drops the item path from the English words', () => {
    expect(
      locateListProblems(
        [
          problem('items[0].quantity', 'out-of-range', 'items[0].quantity must be greater than 0'),
          problem('items[12].quantity', 'wrong-type', 'items[12].quantity must be an integer'),
        ],
        locate,
      ),
    ).toEqual([
      {
        sheet: '资源清单',
        row: 4,
        column: 'E',
        columnName: QUANTITY,
        code: 'out-of-range',
        message: 'quantity must be greater than 0',
        messageZh: '「数量」超出允许范围',
        path: 'items[0].quantity',
      },
      {
        sheet: '资源清单',
        row: 16,
        column: 'E',
        columnName: QUANTITY,
        code: 'wrong-type',
        message: 'quantity must be an integer',
        messageZh: '「数量」的格式不对',
        path: 'items[12].quantity',
      },
    ]);
  });

  it('keeps the words of a problem it cannot place, and of a problem of the whole list', () => {
    expect(
      locateListProblems(
        [
          problem('items[7].title', 'required', 'items[7].title should not be empty'),
          problem('', 'too-few-items', 'a list needs at least one item'),
          problem('allianceId', 'required', 'the list says nothing about allianceId'),
        ],
        locate,
      ),
    ).toEqual([
      {
        code: 'required',
        message: 'title should not be empty',
        messageZh: '请填写第 8 项「名称」',
        path: 'items[7].title',
      },
      { code: 'too-few-items', message: 'a list needs at least one item', messageZh: '清单中至少要有一项' },
      {
        sheet: '清单信息',
        row: 2,
        column: 'B',
        columnName: { zh: '联盟编号', en: 'Alliance id' },
        code: 'required',
        message: 'the list says nothing about allianceId',
        messageZh: '请填写「联盟编号」',
        path: 'allianceId',
      },
    ]);
  });

  it.each<[ProblemCode, string]>([
    ['required', '请填写「数量」'],
    ['wrong-type', '「数量」的格式不对'],
    ['invalid-value', '「数量」不是可选的值'],
    ['out-of-range', '「数量」超出允许范围'],
    ['too-long', '「数量」过长'],
    ['too-short', '「数量」过短'],
    ['invalid-datetime', '「数量」不是有效的日期（如 2026-12-01）'],
    ['window-order', '「数量」早于开始时间'],
    ['unknown-category', '「数量」不是本联盟的服务类别'],
    ['unknown-field', '「数量」不是清单的字段'],
    ['too-many-items', '清单条目过多，请拆分为几份清单'],
    ['too-few-items', '清单中至少要有一项'],
    ['stale-revision', '已保存更新的版本；请提高版本号，或留空自动取下一版本'],
    ['revision-conflict', '该版本号已保存过内容不同的清单；请提高版本号，或留空自动取下一版本'],
    ['not-a-member', '提交方不是本联盟已接纳的成员；请先由联席会协调员将其加入成员名册'],
    ['too-many-problems', '问题过多，仅列出前面的部分'],
    ['internal-error', '系统暂时无法保存，请稍后重试'],
    ['window-ended', '「数量」已过，无法再提供或满足'],
    ['key-mismatch', '消息键与提交方编号不一致'],
  ])('says %s in Chinese', (code, zh) => {
    const [located] = locateListProblems(
      [problem('items[0].quantity', code, 'items[0].quantity ends before now')],
      locate,
    );
    expect(located!.messageZh).toBe(zh);
  });

  it('names the row a duplicate item id was first used on, when that row is known', () => {
    const duplicate = (earlier: number) =>
      problem(
        'items[1].itemId',
        'duplicate-item-id',
        `items[1].itemId "R001" is already used by items[${earlier}]; item ids must be unique within a list`,
      );
    const [known, unknown] = locateListProblems([duplicate(0), duplicate(9)], locate);
    expect(known).toMatchObject({
      row: 5,
      column: 'A',
      messageZh: '编号与第 4 行重复；同一清单内编号不能重复',
      message: 'itemId "R001" is already used by items[0]; item ids must be unique within a list',
    });
    expect(unknown!.messageZh).toBe('「编号」与另一项重复；同一清单内编号不能重复');
    const [wordless] = locateListProblems(
      [problem('items[1].itemId', 'duplicate-item-id', 'items[1].itemId is used twice')],
      locate,
    );
    expect(wordless!.messageZh).toBe('「编号」与另一项重复；同一清单内编号不能重复');
  });
});

describe('mergeProblems', () => {
  const at = (
    sheet: string,
    row: number | undefined,
    column: string | undefined,
    code: string,
  ): WorkbookProblem => ({
    sheet,
    ...(row === undefined ? {} : { row }),
    ...(column === undefined ? {} : { column, columnName: { zh: column, en: column } }),
    code,
    message: code,
    messageZh: code,
  });

  it('keeps the first problem of each cell, cell problems before validation’s', () => {
    const cells = [at('资源清单', 4, 'E', 'invalid-cell'), at('资源清单', 4, 'F', 'unknown-choice')];
    const validation = [
      at('资源清单', 4, 'E', 'required'),
      at('资源清单', 5, 'E', 'required'),
      at('需求清单', 4, 'E', 'required'),
    ];
    expect(mergeProblems(cells, validation).map((p) => [p.sheet, p.row, p.column, p.code])).toEqual([
      ['资源清单', 4, 'E', 'invalid-cell'],
      ['资源清单', 4, 'F', 'unknown-choice'],
      ['资源清单', 5, 'E', 'required'],
      ['需求清单', 4, 'E', 'required'],
    ]);
  });

  it('counts a row, and a field of the info sheet without a row, as one place each', () => {
    const info = (code: string): WorkbookProblem => ({
      sheet: '清单信息',
      columnName: { zh: '联盟编号', en: 'Alliance id' },
      code,
      message: code,
      messageZh: code,
    });
    const merged = mergeProblems(
      [at('资源清单', 6, undefined, 'a'), info('missing-info')],
      [at('资源清单', 6, undefined, 'b'), info('required'), at('资源清单', 7, undefined, 'c')],
    );
    expect(merged.map((p) => p.code)).toEqual(['a', 'missing-info', 'c']);
  });

  it('keeps every problem that has no place', () => {
    const unplaced = (code: string): WorkbookProblem => ({ code, message: code, messageZh: code });
    const sheetOnly = (code: string): WorkbookProblem => ({
      sheet: '资源清单',
      code,
      message: code,
      messageZh: code,
    });
    expect(
      mergeProblems([unplaced('a'), sheetOnly('b')], [unplaced('a'), sheetOnly('b')]).map((p) => p.code),
    ).toEqual(['a', 'b', 'a', 'b']);
  });
});

describe('problemLine', () => {
  it('says a row without a column as its row number', () => {
    expect(
      problemLine({
        sheet: '资源清单',
        row: 9,
        code: 'x',
        message: 'the row is wrong',
        messageZh: '该行有误',
      }),
    ).toEqual({ zh: '资源清单!第9行 该行有误', en: '资源清单!第9行 the row is wrong' });
  });

  it('names a field of the info sheet, which has no cell of its own', () => {
    expect(
      problemLine({
        sheet: '清单信息',
        columnName: { zh: '联盟编号', en: 'Alliance id' },
        code: 'missing-info',
        message: 'Alliance id is missing (sheet 清单信息)',
        messageZh: '「清单信息」缺少「联盟编号」',
      }),
    ).toEqual({
      zh: '清单信息 「清单信息」缺少「联盟编号」',
      en: '清单信息 Alliance id: Alliance id is missing (sheet 清单信息)',
    });
    expect(
      problemLine({
        column: 'E',
        columnName: QUANTITY,
        code: 'invalid-cell',
        message: 'not a number',
        messageZh: '不是数字',
      }),
    ).toEqual({ zh: '「数量」不是数字', en: 'Quantity: not a number' });
  });
});
