import { cellText, halfWidth, isBlank, readDay, readDecimal, readWholeNumber, wholeDays } from './cells';

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

describe('wholeDays', () => {
  it('spans whole days in the alliance’s time zone, the last day included', () => {
    expect(
      wholeDays({ year: 2026, month: 12, day: 1 }, { year: 2027, month: 1, day: 31 }, 'Asia/Shanghai'),
    ).toEqual({
      from: '2026-12-01T00:00:00+08:00',
      to: '2027-02-01T00:00:00+08:00',
    });
    expect(
      wholeDays({ year: 2026, month: 8, day: 1 }, { year: 2026, month: 8, day: 1 }, 'Asia/Shanghai'),
    ).toEqual({
      from: '2026-08-01T00:00:00+08:00',
      to: '2026-08-02T00:00:00+08:00',
    });
  });

  it('follows a zone’s daylight saving time', () => {
    expect(
      wholeDays({ year: 2026, month: 3, day: 28 }, { year: 2026, month: 3, day: 29 }, 'Europe/Berlin'),
    ).toEqual({
      from: '2026-03-28T00:00:00+01:00',
      to: '2026-03-30T00:00:00+02:00',
    });
  });
});
