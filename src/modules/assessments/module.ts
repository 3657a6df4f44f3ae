import { defineModule } from '../../platform/contract/define-module.js';
import { attemptAdminRoutes } from './admin/routes.js';
import { notifyReopenedJob } from './admin/reopen-attempts.js';
import { answerRoutes } from './answers/routes.js';

/** Assessments, their attempts and answers, scoring, and the candidate's API. */
export const assessmentsModule = defineModule({
  name: 'assessments',
  routes: [attemptAdminRoutes, answerRoutes],
  jobs: [notifyReopenedJob],
});
