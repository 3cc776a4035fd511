import {
  cellError,
  cellText,
  halfWidth,
  isBlank,
  readDay,
  readDecimal,
  readWholeNumber,
  isoDay,
} from './cells';

describe('cellText', () => {
  it('reads text, numbers, rich text and a formula’s cached result, trimmed', () => {
    expect(cellText('  幸福食堂 ')).toBe('幸福食堂');
    expect(cellText(30)).toBe('30');
    expect(cellText({ richText: [{ text: '空空' }, { text: '导弹研究院 ' }] })).toBe('空空导弹研究院');
    expect(cellText({ formula: 'A1*2', result: 60 })).toBe('60');
    expect(cellText({ text: '链接', hyperlink: 'http://x' })).toBe('链接');
    expect(cellText(new Date(Date.UTC(2022, 7, 1)))).toBe('2022-08-01T00:00:00.000Z');
    expect(cellText(true)).toBe('true');
    expect(cellText({ error: '#REF!' })).toBe('');
    expect(cellError({ error: '#REF!' })).toBe('#REF!');
    expect(cellError({ formula: 'A1/0', result: { error: '#DIV/0!' } } as never)).toBe('#DIV/0!');
    expect([
      cellError('x'),
      cellError(3),
      cellError(null),
      cellError(new Date()),
      cellError({ formula: 'A1', result: 2 } as never),
    ]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('calls empty cells, spaces and missing results blank', () => {
    for (const blank of [
      null,
      undefined,
      '',
      '   ',
      { richText: [] },
      { formula: 'A1', result: undefined },
    ]) {
      expect(isBlank(blank)).toBe(true);
    }
    expect(isBlank(0)).toBe(false);
  });

  it('turns full-width characters into their ASCII forms', () => {
    expect(halfWidth(' １２３／４－５ ')).toBe('123/4-5');
  });
});

describe('readWholeNumber', () => {
  it.each([
    [30, 30],
    ['30', 30],
    [' 1,200 ', 1200],
    ['１２００', 1200],
    ['12,345,678', 12345678],
    [{ formula: 'B2*2', result: 8 }, 8],
    ['-3', -3],
  ])('reads %p as %p', (content, value) => {
    expect(readWholeNumber(content)).toEqual({ value });
  });

  it('refuses fractions, words, empty cells, odd separators and infinities', () => {
    expect(readWholeNumber(2.5)).toEqual({
      problem: expect.objectContaining({ en: 'a whole number is needed (use a finer unit for fractions)' }),
    });
    expect(readWholeNumber('2.5')).toEqual({
      problem: expect.objectContaining({ en: 'a whole number is needed (use a finer unit for fractions)' }),
    });
    for (const content of ['三十', '', null, '1,20', '12 00', Infinity, 'NaN', true]) {
      expect(readWholeNumber(content)).toEqual({ problem: { zh: '不是数字', en: 'not a number' } });
    }
  });
});

describe('readDecimal', () => {
  it('reads coordinates from number cells and text', () => {
    expect(readDecimal(34.6841)).toEqual({ value: 34.6841 });
    expect(readDecimal('112.4367')).toEqual({ value: 112.4367 });
    expect(readDecimal('.5')).toEqual({ value: 0.5 });
    expect(readDecimal('东经112度')).toEqual({ problem: { zh: '不是数字', en: 'not a number' } });
  });
});

describe('readDay', () => {
  const day = (year: number, month: number, dayOfMonth: number) => ({
    value: { year, month, day: dayOfMonth },
  });

  it('reads a date cell as the day its author saw', () => {
    expect(readDay(new Date(Date.UTC(2022, 7, 1)))).toEqual(day(2022, 8, 1));
    expect(readDay({ formula: 'TODAY()', result: new Date(Date.UTC(2026, 11, 31)) })).toEqual(
      day(2026, 12, 31),
    );
    expect(readDay(new Date(Number.NaN))).toEqual({ problem: { zh: '不是日期', en: 'not a date' } });
  });

  it.each(['2022-08-01', '2022/8/1', '2022.8.1', '2022年8月1日', '２０２２年８月１日', ' 2022 / 8 / 1 '])(
    'reads the typed date %p',
    (text) => {
      expect(readDay(text)).toEqual(day(2022, 8, 1));
    },
  );

  it('refuses days that do not exist and text that is no date, saying how to write one', () => {
    expect(readDay('2022-02-30')).toEqual({
      problem: { zh: '没有 2022-02-30 这一天', en: 'there is no day 2022-02-30' },
    });
    expect(readDay('2022年13月1日')).toEqual({
      problem: { zh: '没有 2022年13月1日 这一天', en: 'there is no day 2022年13月1日' },
    });
    for (const content of ['八月一日', '01/08/2022', '', null, 44774]) {
      expect(readDay(content)).toEqual({
        problem: expect.objectContaining({
          en: 'not a date (write it as 2022-08-01, 2022/8/1 or 2022年8月1日, or use a date cell)',
        }),
      });
    }
  });
});

describe('isoDay', () => {
  it('writes a day as the contracts take it, with its zeros', () => {
    expect(isoDay({ year: 2026, month: 8, day: 1 })).toBe('2026-08-01');
    expect(isoDay({ year: 2026, month: 12, day: 31 })).toBe('2026-12-31');
    expect(isoDay({ year: 999, month: 1, day: 9 })).toBe('0999-01-09');
  });
});

describe('cell readers at their edges', () => {
  const notANumber = { problem: { zh: '不是数字', en: 'not a number' } };
  const notADate = {
    problem: {
      zh: '不是日期（请写成 2022-08-01、2022/8/1 或 2022年8月1日，或使用日期单元格）',
      en: 'not a date (write it as 2022-08-01, 2022/8/1 or 2022年8月1日, or use a date cell)',
    },
  };

  it('reads rich text with a run that has no text, and a hyperlink without text as blank', () => {
    expect(cellText({ richText: [{ text: '幸福' }, {}, { text: '食堂' }] })).toBe('幸福食堂');
    expect(cellText({ hyperlink: 'http://x' })).toBe('');
    expect(cellText({ formula: 'A1', result: ' 30 ' })).toBe('30');
  });

  it('says in both languages why a fraction is not a whole number', () => {
    expect(readWholeNumber('2.5')).toEqual({
      problem: {
        zh: '须为整数（小数请改用更小的单位，如“人·时”）',
        en: 'a whole number is needed (use a finer unit for fractions)',
      },
    });
  });

  it('takes thousands separators only between groups of three digits', () => {
    expect(readDecimal('1,234.5')).toEqual({ value: 1234.5 });
    for (const text of ['1,2345', '1,23', ',123', '1,,234']) expect(readDecimal(text)).toEqual(notANumber);
  });

  it('reads a number written with a sign or a bare point, and nothing around it', () => {
    expect(readDecimal('+7')).toEqual({ value: 7 });
    expect(readDecimal('5.')).toEqual({ value: 5 });
    expect(readDecimal('.25')).toEqual({ value: 0.25 });
    expect(readDecimal('-.5')).toEqual({ value: -0.5 });
    for (const text of ['x30', '30x', '3 0', '.', '-', '1.2.3', '--3', '0x1F', '1e3', 'Infinity'])
      expect(readDecimal(text)).toEqual(notANumber);
  });

  it('reads a formula’s number as computed, however small', () => {
    expect(readDecimal({ formula: 'A1/1e9', result: 1e-7 })).toEqual({ value: 1e-7 });
    expect(readWholeNumber({ formula: 'A1*1e21', result: 1e21 })).toEqual({ value: 1e21 });
    expect(readDecimal({ formula: 'A1', result: '12.5' })).toEqual({ value: 12.5 });
    expect(readDecimal({ formula: 'A1' })).toEqual(notANumber);
  });

  it.each(['2022-08-01', '2022/8/1', '2022.8.1', '2022年8月1日'])(
    'reads %p only when nothing stands before or after it',
    (text) => {
      expect(readDay(text)).toEqual({ value: { year: 2022, month: 8, day: 1 } });
      for (const written of [`1${text}`, `x${text}`, `${text}11`, `${text}x`])
        expect(readDay(written)).toEqual(notADate);
    },
  );

  it('needs four digits for the year and one or two for the month and day', () => {
    for (const text of [
      '22-08-01',
      '20222-08-01',
      '2022-008-01',
      '2022-08-001',
      '2022--01',
      '2022-8-',
      'yyyy-mm-dd',
    ])
      expect(readDay(text)).toEqual(notADate);
    expect(readDay('2022-12-31')).toEqual({ value: { year: 2022, month: 12, day: 31 } });
  });

  it('says a date cell that holds no time is not a date', () => {
    expect(readDay({ formula: 'A1', result: new Date(Number.NaN) })).toEqual({
      problem: { zh: '不是日期', en: 'not a date' },
    });
  });
});
