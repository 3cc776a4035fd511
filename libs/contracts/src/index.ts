// The payload classes' decorators read design-time type metadata.
import 'reflect-metadata';

export * from './topics';
export * from './taxonomy';
export * from './limits';
export * from './common/geo-point';
export * from './common/time-window';
export * from './common/is-offset-date-time';
export * from './resource-lists/submitted/key';
export * from './resource-lists/submitted/value';
export * from './demand-lists/submitted/key';
export * from './demand-lists/submitted/value';
export * from './lists/list-ref';
export * from './lists/accepted/value';
export * from './lists/rejected/value';
export * from './intake/dead-letter/value';
export * from './validation/problem';
export * from './validation/submitted-list';
export * from './validation/parse-list';
export * from './projects/project-status';
export * from './projects/project-snapshot';
export * from './projects/proposed/value';
export * from './projects/revised/value';
export * from './projects/status-changed/value';
export * from './claims/offered/value';
export * from './claims/submitted/value';
export * from './claims/decided/value';
export * from './claims/parse-claim';
