import { lazy } from 'react';
import type { PageRoute } from '../router';

// The recruiter's pages load on demand: a candidate never downloads them.
const DashboardPage = lazy(() => import('./dashboard-page'));
const QuestionsPage = lazy(() => import('./questions-page'));
const QuestionFormPage = lazy(() => import('./question-form-page'));
const AssessmentsPage = lazy(() => import('./assessments-page'));
const AssessmentBuilderPage = lazy(() => import('./assessment-builder-page'));
const AssessmentPage = lazy(() => import('./assessment-page'));
const AttemptPage = lazy(() => import('./attempt-page'));
const CreditsPage = lazy(() => import('./credits-page'));

export const recruiterRoutes: PageRoute[] = [
  { path: '/', page: DashboardPage },
  { path: '/app', page: DashboardPage },
  { path: '/app/questions', page: QuestionsPage },
  { path: '/app/questions/new', page: QuestionFormPage },
  { path: '/app/assessments', page: AssessmentsPage },
  { path: '/app/assessments/new', page: AssessmentBuilderPage },
  { path: '/app/assessments/:id', page: AssessmentPage },
  { path: '/app/assessments/:id/attempts/:attemptId', page: AttemptPage },
  { path: '/app/credits', page: CreditsPage },
];
