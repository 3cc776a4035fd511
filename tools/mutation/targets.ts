import { InfraError } from '../infra/errors';

/**
 * What `npm run test:mutation -- <target>` mutates: the code whose regressions would cost an
 * alliance most (a wrong allocation, a list accepted that should not be, a token trusted that
 * should not be). Each target must reach `minimumScore` on its own.
 */
export interface MutationTarget {
  name: string;
  description: string;
  /** Stryker `mutate` globs; specs and test-only helpers stay out. */
  mutate: string[];
  /** Mutation score (killed + timed out over valid mutants, in %) the target must reach. */
  minimumScore: number;
}

export const MUTATION_TARGETS: readonly MutationTarget[] = [
  {
    name: 'solver',
    description: 'libs/matching/src/solver: the exact allocation, incremental arrivals, instance checks',
    // lp-reference.ts is the independent LP model the specs check the solver against.
    mutate: ['libs/matching/src/solver/**/*.ts', '!**/*.spec.ts', '!**/lp-reference.ts'],
    minimumScore: 90,
  },
  {
    name: 'matching',
    description: 'libs/matching/src/{scoring,candidates,policy,match}.ts',
    mutate: ['libs/matching/src/{scoring,candidates,policy,match}.ts'],
    minimumScore: 90,
  },
  {
    name: 'validation',
    description: 'libs/contracts/src/validation: the list parser shared by Kafka and HTTP',
    mutate: ['libs/contracts/src/validation/**/*.ts', '!**/*.spec.ts'],
    minimumScore: 90,
  },
  {
    name: 'auth',
    description: 'libs/auth/src: access tokens and their keys, access rules, tenancy',
    mutate: ['libs/auth/src/**/*.ts', '!**/*.spec.ts'],
    minimumScore: 90,
  },
  {
    name: 'projects',
    description: 'libs/projects/src: the project lifecycle, capacity rule, claims and points split',
    mutate: ['libs/projects/src/**/*.ts', '!**/*.spec.ts'],
    minimumScore: 90,
  },
  {
    name: 'accounts',
    description:
      'libs/accounts/src pure rules (sign-in names, passwords, refresh rotation, one-time links) and roster admission',
    // The use-case services need Postgres: the services tier tests them, not Stryker's unit run.
    mutate: [
      'libs/accounts/src/{login,password-policy,passwords,refresh,secrets}.ts',
      'libs/contracts/src/roster/admission.ts',
    ],
    minimumScore: 90,
  },
];

/** The targets an argument names: one by name, or every target for `all` or nothing. */
export function selectTargets(argument: string | undefined): MutationTarget[] {
  if (argument === undefined || argument === 'all') return [...MUTATION_TARGETS];
  const target = MUTATION_TARGETS.find((candidate) => candidate.name === argument);
  if (!target) {
    const names = MUTATION_TARGETS.map((candidate) => candidate.name).join(', ');
    throw new InfraError(`unknown mutation target "${argument}"; choose one of: ${names}, all`);
  }
  return [target];
}
