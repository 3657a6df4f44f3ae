import { lazy } from 'react';
import type { PageRoute } from '../router';

// The recruiter's pages load on demand: a candidate never downloads them.
const SignInPage = lazy(() => import('./sign-in-page'));

export const recruiterRoutes: PageRoute[] = [
  { path: '/', page: SignInPage },
  { path: '/app', page: SignInPage },
  { path: '/app/*', page: SignInPage },
];
