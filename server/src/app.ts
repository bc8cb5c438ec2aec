import cookieParser from 'cookie-parser';
import express, { type Express, type RequestHandler } from 'express';
import type { Config } from './config/config.ts';
import type { Database } from './db/database.ts';
import { errorHandler, notFoundApi } from './http/error-handler.ts';
import { jsonBody, refuseHostilePathAndQuery } from './http/input-guard.ts';
import { passwordChangeGate, sameOriginForMutations, sessionMiddleware } from './http/session.middleware.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { layersRoutes } from './modules/blueprint/layers.routes.ts';
import { LayersService } from './modules/blueprint/layers.service.ts';
import { tilesRoutes } from './modules/blueprint/tiles.routes.ts';
import { layerExportRoutes } from './modules/blueprint/export/layer-export.routes.ts';
import { LayerExportService } from './modules/blueprint/export/layer-export.service.ts';
import { geoRoutes, layerImportRoutes } from './modules/blueprint/import/geo.routes.ts';
import { GeoImportService } from './modules/blueprint/import/geo-import.service.ts';
import { allocationPlanRoutes, projectAllocationRoutes } from './modules/factors/allocation.routes.ts';
import { AllocationService } from './modules/factors/allocation.service.ts';
import { factorsRoutes } from './modules/factors/factors.routes.ts';
import { FactorsService } from './modules/factors/factors.service.ts';
import { FactorRulesService } from './modules/factors/factor-rules.service.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { mapConfigRoutes } from './modules/map-config/map-config.routes.ts';
import { openApiDocument } from './http/openapi.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { AuditService } from './modules/audit/audit.service.ts';
import { meetingsRoutes, problemsRoutes, projectCollaborationRoutes, tasksRoutes } from './modules/collaboration/collaboration.routes.ts';
import { ConsultationService } from './modules/collaboration/consultation.service.ts';
import { MeetingsService } from './modules/collaboration/meetings.service.ts';
import { notificationsRoutes } from './modules/collaboration/notifications.routes.ts';
import { NotificationsService } from './modules/collaboration/notifications.service.ts';
import { projectsRoutes } from './modules/projects/projects.routes.ts';
import { ProjectsService } from './modules/projects/projects.service.ts';
import { ownPasswordRoute, usersRoutes } from './modules/users/users.routes.ts';
import { UsersService } from './modules/users/users.service.ts';
import { regionsRoutes } from './modules/regions/regions.routes.ts';
import { sitingReportRoutes } from './modules/siting/report/siting-report.routes.ts';
import { SitingReportService } from './modules/siting/report/siting-report.service.ts';
import { sitingRoutes } from './modules/siting/siting.routes.ts';
import { SitingService } from './modules/siting/siting.service.ts';
import { SitingRulesService } from './modules/siting/siting-rules.service.ts';
import { SitingRecommendService } from './modules/siting/siting-recommend.service.ts';

export interface AppDependencies {
  config: Config;
  db: Database;
  /** Serves the client: the built files (staticClient) or Vite's dev middleware; omitted in API-only tests. */
  client?: RequestHandler;
  log?: (line: string) => void;
}

/** Builds the Express app from its dependencies: no globals, one app per test. */
export function createApp({ config, db, client, log = console.error }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'SAMEORIGIN', 'Referrer-Policy': 'same-origin' });
    next();
  });
  if (config.logRequests) app.use((req, _res, next) => (log(`${req.method} ${req.originalUrl}`), next()));

  const auth = new AuthService(db.knex, config.session);
  const layers = new LayersService(db.knex);
  const imports = new GeoImportService(db.knex, layers);
  const exports = new LayerExportService(db.knex, layers);
  const session = [cookieParser(), sessionMiddleware(auth)];

  const api = express.Router();
  api.use(jsonBody('20mb'));
  api.use(sameOriginForMutations);
  api.use(refuseHostilePathAndQuery);
  api.use(session);
  api.use(passwordChangeGate);
  api.use('/health', healthRoutes(db, config.demoSeed));
  api.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  const users = new UsersService(db.knex);
  api.use('/auth', authRoutes(auth, config.session), ownPasswordRoute(users));
  api.use('/users', usersRoutes(users));
  api.use('/regions', regionsRoutes(db.knex));
  api.use('/config', mapConfigRoutes(config.basemaps));
  api.use('/layers', layerImportRoutes(imports), layerExportRoutes(exports), layersRoutes(layers));
  api.use('/geo', geoRoutes(imports));
  const siting = new SitingService(db.knex);
  const sitingReports = new SitingReportService(db.knex, siting, layers);
  api.use('/siting/reports', sitingReportRoutes(sitingReports));
  api.use('/siting', sitingRoutes(siting, new SitingRulesService(db.knex), new SitingRecommendService(db.knex, siting)));
  const factors = new FactorsService(db.knex);
  const projects = new ProjectsService(db.knex, siting);
  const notifications = new NotificationsService(db.knex);
  const consultation = new ConsultationService(db.knex, siting, sitingReports, layers, projects, notifications, config.consultation.reviewWorkingDays);
  const meetings = new MeetingsService(db.knex, projects, notifications);
  const allocation = new AllocationService(db.knex, factors, projects, notifications);
  api.use('/projects', projectAllocationRoutes(allocation), projectCollaborationRoutes(consultation, meetings), projectsRoutes(projects));
  api.use('/allocation-plans', allocationPlanRoutes(allocation));
  api.use('/tasks', tasksRoutes(consultation));
  api.use('/problems', problemsRoutes(meetings));
  api.use('/meetings', meetingsRoutes(meetings));
  api.use('/notifications', notificationsRoutes(notifications));
  api.use('/audit', auditRoutes(new AuditService(db.knex)));
  api.use('/factors', factorsRoutes(factors, new FactorRulesService(db.knex)));
  api.use(notFoundApi);

  app.use('/api', api);
  // Vector tiles: ST_AsMVT where PostGIS has it, geojson-vt + vt-pbf otherwise (PGlite), one endpoint.
  app.use('/tiles', session, tilesRoutes(db.knex, layers, db.capabilities.mvt ? 'postgis' : 'js'));
  if (client) app.use(client);
  app.use(errorHandler(log));
  return app;
}
