import { defineModule } from '../../platform/contract/define-module.js';
import { loadStarterCatalogOnStart } from './catalog/load-starter-catalog.js';
import { questionRoutes } from './routes.js';

/** The questions library: workspace and public questions of thirteen types, and the starter catalog. */
export const questionsModule = defineModule({ name: 'questions', routes: [questionRoutes], start: loadStarterCatalogOnStart });
