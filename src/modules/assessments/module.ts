import { defineModule } from '../../platform/contract/define-module.js';
import { manageRoutes } from './manage/routes.js';
import { assessmentsCsvExport } from './manage/export-assessments.js';
import { attemptRoutes } from './attempts/routes.js';
import { attemptJobs } from './attempts/jobs.js';
import { scoringRoutes } from './scoring/routes.js';
import { reviewRoutes } from './review/routes.js';
import { recalculateAttemptsJob } from './scoring/recalculate-attempts.js';

/** Assessments, their attempts and answers, scoring, and the candidate's API. */
export const assessmentsModule = defineModule({
  name: 'assessments',
  routes: [manageRoutes, attemptRoutes, scoringRoutes, reviewRoutes],
  jobs: [...attemptJobs, recalculateAttemptsJob],
  exports: [assessmentsCsvExport],
});
