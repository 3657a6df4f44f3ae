import { defineModule } from '../../platform/contract/define-module.js';
import { systemRoutes } from './routes.js';

/** Liveness and readiness probes. */
export const systemModule = defineModule({ name: 'system', routes: [systemRoutes] });
