import { PROJECT_ERROR_CODES, ProjectError, projectNotFound } from './errors';

describe('ProjectError', () => {
  it('has the review codes the HTTP layer already maps', () => {
    expect([...PROJECT_ERROR_CODES].sort()).toEqual([
      'allocation-not-found',
      'capacity-exceeded',
      'illegal-transition',
      'invalid-request',
      'not-a-candidate',
      'not-allowed',
      'offer-not-found',
      'project-not-found',
      'version-conflict',
      'window-not-open',
      'work-not-reported',
    ]);
  });

  it('carries its code and message, and a field or problems only when given', () => {
    const plain = new ProjectError('not-allowed', 'no');
    expect(plain).toMatchObject({ name: 'ProjectError', code: 'not-allowed', message: 'no' });
    expect(plain.field).toBeUndefined();
    expect(plain.problems).toBeUndefined();

    const problems = [{ path: 'requested', code: 'out-of-range' as const, message: 'bad' }];
    const detailed = new ProjectError('invalid-request', 'bad', { field: 'quantity', problems });
    expect(detailed.field).toBe('quantity');
    expect(detailed.problems).toEqual(problems);
  });

  it('names a missing project', () => {
    const error = projectNotFound('p9');
    expect(error).toBeInstanceOf(ProjectError);
    expect(error.code).toBe('project-not-found');
    expect(error.message).toBe('no project p9');
  });
});
