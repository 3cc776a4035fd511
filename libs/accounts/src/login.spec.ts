import { readLogin } from './login';

describe('readLogin', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['  19912345678\t', '19912345678'],
    ['WangShuJi', 'wangshuji'],
    ['  WangShuJi\t', 'wangshuji'],
    ['13800861234', '13800861234'],
    ['wang123', 'wang123'],
    ['123abc', '123abc'],
    ['admin@manglinglu', 'admin@manglinglu'],
    ['a.b', 'a.b'],
  ])('reads %p as %p', (typed, login) => {
    expect(readLogin(typed)).toEqual({ login });
  });

  it.each(['213800138000', '1380013800', '138001380001', '12800138000', '23800138000', '+86 138 0013 800'])(
    'refuses %p as a mobile number',
    (typed) => {
      expect(readLogin(typed)).toEqual({ problem: 'a mobile number has 11 digits and starts with 13 to 19' });
    },
  );

  it.each(['', 'ab', '-admin', 'wang shu ji', '王书记', 'a'.repeat(65)])('refuses %p as a name', (typed) => {
    expect(readLogin(typed)).toEqual({
      problem: 'use a mobile number, or 3 to 64 letters, digits and . _ @ - starting with a letter or digit',
    });
  });

  it('accepts a name of 64 characters', () => {
    expect(readLogin('a'.repeat(64))).toEqual({ login: 'a'.repeat(64) });
  });
});
