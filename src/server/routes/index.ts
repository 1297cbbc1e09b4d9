import type { RouteSpec } from '../route.js';
import { correctionRoutes } from './correction-routes.js';
import { importRoutes } from './import-routes.js';
import { planningRoutes } from './planning-routes.js';
import { readRoutes } from './read-routes.js';
import { reviewRoutes } from './review-routes.js';
import { writeRoutes } from './write-routes.js';

/** Every JSON route of the API, in the order of the OpenAPI document. */
export function apiRoutes(): RouteSpec[] {
  return [
    ...readRoutes,
    ...planningRoutes,
    ...writeRoutes,
    ...correctionRoutes,
    ...reviewRoutes,
    ...importRoutes,
  ];
}
