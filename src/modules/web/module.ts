import { defineModule } from '../../platform/contract/define-module.js';
import { webRoutes } from './routes.js';

/** The candidate and recruiter web app (web/), built by `npm ci` or at first start, served at `/`. */
export const webModule = defineModule({ name: 'web', routes: [webRoutes] });
