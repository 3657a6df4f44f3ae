import { defineModule } from '../../platform/contract/define-module.js';
import { loadStarterCatalogOnStart } from './catalog/load-starter-catalog.js';
import { questionRoutes } from './routes.js';
import { questionImportRoutes } from './import-routes.js';
import { questionFileRoutes } from './routes-files.js';
import { questionRunRoutes } from './run-routes.js';

/** The questions library: workspace and public questions of thirteen types, and the starter catalog. */
export const questionsModule = defineModule({
  name: 'questions',
  routes: [questionRoutes, questionImportRoutes, questionFileRoutes, questionRunRoutes],
  start: loadStarterCatalogOnStart,
});
