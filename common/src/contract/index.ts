import { auditRoutes } from './audit.contract.ts';
import { authRoutes } from './auth.contract.ts';
import { blueprintRoutes } from './blueprint.contract.ts';
import { collaborationRoutes } from './collaboration.contract.ts';
import { factorsRoutes } from './factors.contract.ts';
import { healthRoutes } from './health.contract.ts';
import { mapConfigRoutes } from './map-config.contract.ts';
import { projectsRoutes } from './projects.contract.ts';
import { regionsRoutes } from './regions.contract.ts';
import { sitingRoutes } from './siting.contract.ts';
import { usersRoutes } from './users.contract.ts';

export type { RouteContract } from './route.ts';

/** Every operation of the API, module by module (the OpenAPI document is generated from this list). */
export const apiRoutes = [
  ...healthRoutes,
  ...authRoutes,
  ...regionsRoutes,
  ...mapConfigRoutes,
  ...blueprintRoutes,
  ...sitingRoutes,
  ...projectsRoutes,
  ...collaborationRoutes,
  ...factorsRoutes,
  ...auditRoutes,
  ...usersRoutes,
];
