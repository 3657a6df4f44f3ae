import type { PageRoute } from '../router';
import { TakePage } from './take-page';

// The candidate's page is in the first bundle: it is what an invitation link opens.
export const candidateRoutes: PageRoute[] = [{ path: '/take/:token', page: TakePage }];
