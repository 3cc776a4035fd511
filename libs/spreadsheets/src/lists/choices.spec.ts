import { UNIT_CHOICES, URGENCY_CHOICES, categoryChoices } from './choices';

describe('Choices', () => {
  const categories = categoryChoices(['elderly-care', 'venue', 'tea-culture']);

  it('knows a value by its code, its Chinese words or its English words, in any case and width', () => {
    expect(categories.codeOf('venue')).toBe('venue');
    expect(categories.codeOf('场地设施')).toBe('venue');
    expect(categories.codeOf('Elderly care')).toBe('elderly-care');
    expect(categories.codeOf('ＥＬＤＥＲＬＹ　ＣＡＲＥ')).toBe('elderly-care');
    expect(categories.codeOf('tea-culture')).toBe('tea-culture');
    expect(URGENCY_CHOICES.codeOf('特急')).toBe('critical');
    expect(URGENCY_CHOICES.codeOf('urgent')).toBe('urgent');
  });

  it('reads 人·时 however its dot is typed, or without it', () => {
    for (const written of ['人·时', '人.时', '人*时', '人•时', '人・时', '人 时', '人时', ' 人 · 时 ']) {
      expect(UNIT_CHOICES.codeOf(written)).toBe('person-hours');
    }
    expect(UNIT_CHOICES.codeOf('m²·days')).toBe('sqm-days');
  });

  it('knows nothing outside its vocabulary', () => {
    expect(categories.codeOf('养老')).toBeUndefined();
    expect(categories.codeOf('health')).toBeUndefined();
    expect(categories.codeOf('')).toBeUndefined();
  });

  it('offers the Chinese words in the vocabulary’s order, and gives a code’s words back', () => {
    expect(categories.dropDown()).toEqual(['养老服务', '场地设施', 'tea-culture']);
    expect(URGENCY_CHOICES.dropDown()).toEqual(['常规', '紧急', '特急']);
    expect(categories.labelOf('venue')).toEqual({ zh: '场地设施', en: 'Venue' });
    expect(UNIT_CHOICES.labelOf('meals')).toEqual({ zh: '份', en: 'meals' });
    expect(categories.labelOf('health')).toBeUndefined();
  });
});
