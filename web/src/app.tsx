import { Suspense, useEffect, useRef } from 'react';
import { candidateRoutes } from './candidate/routes';
import { recruiterRoutes } from './recruiter/routes';
import { matchPath, usePathname, type PageRoute } from './router';
import { NotFoundPage } from './not-found-page';
import { Loading } from './ui/feedback';

const routes: PageRoute[] = [...candidateRoutes, ...recruiterRoutes];

export function App() {
  const pathname = usePathname();
  const first = useRef(true);
  // After an in-app navigation, focus moves to the new page's main landmark (screen readers announce it).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus();
  }, [pathname]);
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) {
      const Page = route.page;
      return (
        <Suspense fallback={<Loading />}>
          <Page params={params} />
        </Suspense>
      );
    }
  }
  return <NotFoundPage />;
}
