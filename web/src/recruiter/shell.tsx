import type { ReactNode } from 'react';
import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/i18n';
import { Link, navigate, usePathname } from '../router';
import { Button } from '../ui/button';
import { LanguagePicker } from '../ui/layout';
import { recruiterMessages } from './messages';
import { saveSession, useSession } from './session';
import { SignInForm } from './sign-in-form';
import './recruiter.css';

const sections = [
  { href: '/app', key: 'navDashboard' },
  { href: '/app/questions', key: 'navQuestions' },
  { href: '/app/assessments', key: 'navAssessments' },
  { href: '/app/credits', key: 'navCredits' },
] as const;

/** The recruiter's frame: skip link, banner with the workspace and sign-out, main navigation, one main landmark. Signed out, it shows the sign-in form. */
export function Shell({ title, children }: { title: string; children: ReactNode }) {
  const session = useSession();
  const t = useMessages(recruiterMessages);
  const common = useMessages(commonMessages);
  const pathname = usePathname();
  if (!session?.workspaceId) {
    return (
      <>
        <a className="skip-link" href="#main">
          {common('skipToContent')}
        </a>
        <header className="banner">
          <span className="brand">{common('appName')}</span>
          <div className="banner-actions">
            <LanguagePicker />
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          <SignInForm />
        </main>
      </>
    );
  }
  const current = sections.filter((section) => pathname === section.href || pathname.startsWith(`${section.href}/`)).pop()?.href;
  return (
    <>
      <a className="skip-link" href="#main">
        {common('skipToContent')}
      </a>
      <header className="banner">
        <span className="brand">{common('appName')}</span>
        <nav aria-label={t('mainNavigation')} className="main-nav">
          <ul>
            {sections.map((section) => (
              <li key={section.href}>
                <Link href={section.href} aria-current={current === section.href ? 'page' : undefined}>
                  {t(section.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="banner-actions">
          <span className="muted">
            {t('workspaceLabel')}: {session.workspaceName}
          </span>
          <LanguagePicker />
          <Button
            variant="link"
            onClick={() => {
              saveSession(null);
              navigate('/app');
            }}
          >
            {t('signOut')}
          </Button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
