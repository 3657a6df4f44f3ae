import { defineModule } from '../../platform/contract/define-module.js';

/** Assessments, their attempts and answers, scoring, and the candidate's API. */
export const assessmentsModule = defineModule({ name: 'assessments' });
