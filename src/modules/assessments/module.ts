import { defineModule } from '../../platform/contract/define-module.js';
import { manageRoutes } from './manage/routes.js';
import { assessmentsCsvExport } from './manage/export-assessments.js';

/** Assessments, their attempts and answers, scoring, and the candidate's API. */
export const assessmentsModule = defineModule({
  name: 'assessments',
  routes: [manageRoutes],
  exports: [assessmentsCsvExport],
});
