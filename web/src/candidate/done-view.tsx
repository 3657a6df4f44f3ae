import { useEffect } from 'react';
import { useFormat, useMessages } from '../i18n/i18n';
import { Notice } from '../ui/feedback';
import { Layout } from '../ui/layout';
import { candidateMessages } from './messages';
import type { Attempt } from './types';

const redirectSeconds = 5;

/** Only http(s) addresses are followed: a callback can never run script in this page. */
export function safeCallback(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** After the finish: the result when the assessment shows it, else a thank-you; then back to the inviter's callback_url. */
export function DoneView({ attempt }: { attempt: Attempt }) {
  const t = useMessages(candidateMessages);
  const format = useFormat();
  const callback = safeCallback(attempt.callback_url);
  useEffect(() => {
    if (!callback) return;
    const timer = setTimeout(() => window.location.assign(callback), redirectSeconds * 1000);
    return () => clearTimeout(timer);
  }, [callback]);
  const company = attempt.company || attempt.assessment.name;
  return (
    <Layout title={attempt.company || undefined}>
      <h1>{t('thanksTitle')}</h1>
      <p>{t('thanksText', { company })}</p>
      {attempt.status === 'pending' && <p>{t('pendingText')}</p>}
      {attempt.status === 'pending_review' && <p>{t('reviewText', { company })}</p>}
      {attempt.result && (
        <Notice tone={attempt.result.passed ? 'success' : 'info'}>
          {attempt.result.score !== null && <p className="score">{t('resultScore', { score: format.number(Math.round(attempt.result.score * 10) / 10) })}</p>}
          <p>{attempt.result.passed ? t('resultPassed') : t('resultNotPassed')}</p>
        </Notice>
      )}
      {callback && (
        <p>
          {t('redirecting')} <a href={callback}>{t('continue')}</a>
        </p>
      )}
    </Layout>
  );
}
