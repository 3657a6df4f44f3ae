import { defineModule } from '../../platform/contract/define-module.js';
import { scoringRoutes } from './scoring/routes.js';
import { reviewRoutes } from './review/routes.js';
import { recalculateAttemptsJob } from './scoring/recalculate-attempts.js';

/** Assessments, their attempts and answers, scoring, and the candidate's API. */
export const assessmentsModule = defineModule({
  name: 'assessments',
  routes: [scoringRoutes, reviewRoutes],
  jobs: [recalculateAttemptsJob],
});
