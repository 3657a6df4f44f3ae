import { defineModule } from '../../platform/contract/define-module.js';
import { attemptRoutes } from './attempts/routes.js';
import { attemptJobs } from './attempts/jobs.js';

/** Assessments, their attempts and answers, scoring, and the candidate's API. */
export const assessmentsModule = defineModule({
  name: 'assessments',
  routes: [attemptRoutes],
  jobs: [...attemptJobs],
});
