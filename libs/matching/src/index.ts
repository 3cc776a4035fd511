export * from './model';
export * from './solver/instance';
export * from './solver/solve';
export * from './solver/incremental';
export * from './solver/greedy';
export * from './solver/lp-reference';
