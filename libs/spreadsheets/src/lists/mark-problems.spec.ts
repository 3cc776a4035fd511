import { Workbook } from 'exceljs';
import { markProblems } from './mark-problems';
import type { WorkbookProblem } from './workbook-problem';

const QUANTITY = { zh: '数量', en: 'Quantity' };

function uploaded(): Workbook {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('资源清单');
  sheet.addRow(['编号', '名称', '数量']);
  sheet.addRow(['R001', '助餐', '三十']);
  sheet.getCell('C2').font = { bold: true };
  workbook.addWorksheet('清单信息').addRow(['联盟编号', '']);
  return workbook;
}

async function marked(workbook: Workbook, problems: WorkbookProblem[]): Promise<Workbook> {
  const copy = new Workbook();
  await copy.xlsx.load((await markProblems(workbook, problems)) as never);
  return copy;
}

const RED = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

describe('markProblems', () => {
  it('notes every problem of a cell on it, and marks a row’s problem on its first cell', async () => {
    const copy = await marked(uploaded(), [
      {
        sheet: '资源清单',
        row: 2,
        column: 'C',
        columnName: QUANTITY,
        code: 'invalid-cell',
        message: 'not a number',
        messageZh: '不是数字',
      },
      {
        sheet: '资源清单',
        row: 2,
        column: 'C',
        columnName: QUANTITY,
        code: 'out-of-range',
        message: 'quantity must be greater than 0',
        messageZh: '「数量」超出允许范围',
      },
      { sheet: '资源清单', row: 3, code: 'x', message: 'the row is wrong', messageZh: '该行有误' },
    ]);
    const sheet = copy.getWorksheet('资源清单')!;
    expect(sheet.getCell('C2').note).toBe(
      '不是数字\nnot a number\n\n「数量」超出允许范围\nquantity must be greater than 0',
    );
    expect(sheet.getCell('C2').fill).toEqual(RED);
    expect(sheet.getCell('C2').font).toMatchObject({ bold: true, color: { argb: 'FF9C0006' } });
    expect(sheet.getCell('A3').note).toBe('该行有误\nthe row is wrong');
    expect(sheet.getCell('A3').fill).toEqual(RED);
    expect(sheet.getCell('B2').fill).toBeUndefined();
    expect(sheet.getCell('A2').note).toBeUndefined();
  });

  it('lists problems it cannot place on a cell without marking any cell', async () => {
    const copy = await marked(uploaded(), [
      {
        sheet: '清单信息',
        columnName: { zh: '联盟编号', en: 'Alliance id' },
        code: 'missing-info',
        message: 'Alliance id is missing (sheet 清单信息)',
        messageZh: '「清单信息」缺少「联盟编号」',
      },
      { sheet: '别的表', row: 2, column: 'A', code: 'y', message: 'elsewhere', messageZh: '别处' },
      { row: 2, column: 'B', code: 'z', message: 'nowhere', messageZh: '无处' },
    ]);
    for (const name of ['资源清单', '清单信息']) {
      copy.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.note).toBeUndefined();
          expect(cell.fill).not.toEqual(RED);
        }),
      );
    }
    expect(copy.getWorksheet('别的表')).toBeUndefined();
    const list = copy.getWorksheet('导入问题')!;
    expect(
      list
        .getSheetValues()
        .slice(1)
        .map((values) => (values as unknown[]).slice(1)),
    ).toEqual([
      ['工作表 Sheet', '单元格 Cell', '字段 Field', '问题', 'Problem', '代码 Code'],
      [
        '清单信息',
        '',
        '联盟编号',
        '「清单信息」缺少「联盟编号」',
        'Alliance id is missing (sheet 清单信息)',
        'missing-info',
      ],
      ['别的表', 'A2', '', '别处', 'elsewhere', 'y'],
      ['', 'B2', '', '无处', 'nowhere', 'z'],
    ]);
  });

  it('replaces the problems sheet of a copy marked before, and says when there is nothing to fix', async () => {
    const workbook = uploaded();
    const first = await marked(workbook, [
      {
        sheet: '资源清单',
        row: 2,
        column: 'C',
        code: 'invalid-cell',
        message: 'not a number',
        messageZh: '不是数字',
      },
    ]);
    const again = await marked(first, []);
    expect(again.worksheets.map((sheet) => sheet.name)).toEqual(['资源清单', '清单信息', '导入问题']);
    const list = again.getWorksheet('导入问题')!;
    expect(list.rowCount).toBe(2);
    expect(list.getRow(1).font).toMatchObject({ bold: true });
    expect(list.getCell('D2').value).toBe('没有问题');
    expect(list.getCell('E2').value).toBe('No problems');
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(list.properties.tabColor).toEqual({ argb: 'FFC00000' });
    expect(again.views[0]).toMatchObject({ visibility: 'visible', activeTab: 2 });
  });
});
