import { defineModule } from '../../platform/contract/define-module.js';
import { ensureSkillCatalog } from './load-skill-catalog.js';
import { skillRoutes } from './routes.js';
import { skillsCsvExport } from './export-variants.js';

/** Skills: the global taxonomy, workspace skill variants with proficiency levels, and their exports. */
export const skillsModule = defineModule({
  name: 'skills',
  routes: [skillRoutes],
  exports: [skillsCsvExport],
  // The taxonomy and the templates are loaded (or brought up to date) once per version of what ships.
  async start(runtime) {
    await ensureSkillCatalog(runtime.database.db);
  },
});
