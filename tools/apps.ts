import path from 'node:path';
import { repoRoot } from './infra/processes';

/** A deployable service `npm start` runs, and how to tell it is ready. */
export interface AppSpec {
  name: string;
  main: string;
  /** A log line containing this marks the app ready. */
  readyMarker: string;
  httpPortVariable: string;
  defaultHttpPort: number;
  /** What a newcomer can call, printed once the app is ready. */
  endpoints: string[];
}

export const APPS: AppSpec[] = [
  {
    name: 'intake',
    main: path.join(repoRoot, 'dist', 'apps', 'intake', 'src', 'main.js'),
    readyMarker: '"intake ready"',
    httpPortVariable: 'INTAKE_HTTP_PORT',
    defaultHttpPort: 3000,
    endpoints: ['POST /resource-lists', 'POST /demand-lists', 'GET /health/ready'],
  },
  {
    name: 'matcher',
    main: path.join(repoRoot, 'dist', 'apps', 'matcher', 'src', 'main.js'),
    readyMarker: '"matcher ready"',
    httpPortVariable: 'MATCHER_HTTP_PORT',
    defaultHttpPort: 3001,
    endpoints: [
      'GET /dashboard/',
      'GET /projects',
      'POST /alliances/:allianceId/rounds',
      'GET /health/ready',
    ],
  },
];
