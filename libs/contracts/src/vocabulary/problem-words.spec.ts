import { PROBLEM_CODES } from '../validation/problem';
import { parseList } from '../validation/parse-list';
import { fieldWords, problemWords } from './problem-words';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';

describe('fieldWords', () => {
  it.each([
    ['items[3].quantity', { zh: '第 4 项「数量」', en: 'item 4: quantity' }],
    ['items[0].unit', { zh: '第 1 项「计量单位」', en: 'item 1: unit of measure' }],
    ['items[0].location.lat', { zh: '第 1 项「纬度」', en: 'item 1: latitude' }],
    ['items[2].window.to', { zh: '第 3 项「需求截止时间」', en: 'item 3: needed until' }],
    ['items[1].tags[2]', { zh: '第 2 项「标签」', en: 'item 2: tags' }],
    ['items[5]', { zh: '第 6 项', en: 'item 6' }],
    ['unit.name', { zh: '「单位名称」', en: 'unit name' }],
    ['submitter.id', { zh: '「提交方编号」', en: 'submitter id' }],
    ['reason', { zh: '「理由」', en: 'reason' }],
    ['matching.weights.price', { zh: '「matching.weights.price」', en: 'matching.weights.price' }],
  ])('names %s as people read it', (path, words) => {
    expect(fieldWords(path)).toEqual(words);
  });

  it('has no words for a problem of the whole message', () => {
    expect(fieldWords('')).toBeUndefined();
  });
});

describe('problemWords', () => {
  it('says every code in both languages without a field path or a code in it', () => {
    for (const code of PROBLEM_CODES) {
      const words = problemWords({ path: 'items[0].quantity', code });
      expect(words.zh).toMatch(/[\u4e00-\u9fff]/u);
      expect(`${words.zh} ${words.en}`).not.toMatch(/items\[|\bundefined\b/);
      expect(words.en.length).toBeGreaterThan(5);
    }
  });

  it('puts the field’s human name into the sentence', () => {
    expect(problemWords({ path: 'items[2].quantity', code: 'out-of-range' })).toEqual({
      zh: '第 3 项「数量」超出允许范围',
      en: 'item 3: quantity is out of range',
    });
    expect(problemWords({ path: 'items[0].title', code: 'required' })).toEqual({
      zh: '请填写第 1 项「名称」',
      en: 'item 1: title is required',
    });
  });

  it('takes the field’s words from the caller when it knows better (a sheet’s column)', () => {
    expect(
      problemWords(
        { path: 'items[0].available.from', code: 'invalid-datetime' },
        { zh: '「可提供开始日期」', en: 'Available from' },
      ),
    ).toEqual({
      zh: '「可提供开始日期」不是有效的日期（如 2026-12-01）',
      en: 'Available from is not a valid date (e.g. 2026-12-01)',
    });
  });

  it('speaks of “this field” when the problem names none', () => {
    expect(problemWords({ path: '', code: 'required' })).toEqual({
      zh: '请填写该项',
      en: 'this field is required',
    });
  });

  it('words what parsing a real bad list finds, item by item', () => {
    const wordsOf = (kind: 'resource' | 'demand', list: unknown) => {
      const result = parseList(kind, JSON.stringify(list));
      if (result.ok) throw new Error('expected a rejection');
      return result.problems.map((problem) => problemWords(problem));
    };
    expect(wordsOf('demand', demandList({ items: [demandItem({ title: '  ' })] }))).toEqual([
      { zh: '请填写第 1 项「名称」', en: 'item 1: title is required' },
    ]);
    const inverted = demandItem({ itemId: 'd2', window: { from: '2026-12-07', to: '2026-12-01' } });
    expect(wordsOf('demand', demandList({ items: [demandItem(), inverted] }))).toEqual([
      { zh: '第 2 项「需求截止时间」早于开始时间', en: 'item 2: needed until is before the start' },
    ]);
    expect(wordsOf('resource', resourceList({ items: [resourceItem({ quantity: 0 })] }))).toEqual([
      { zh: '第 1 项「数量」超出允许范围', en: 'item 1: quantity is out of range' },
    ]);
  });
});
