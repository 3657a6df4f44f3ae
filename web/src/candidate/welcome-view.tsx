import { useId, useState } from 'react';
import { useFormat, useMessages } from '../i18n/i18n';
import { Button } from '../ui/button';
import { Notice } from '../ui/feedback';
import { Layout } from '../ui/layout';
import { candidateApi } from './candidate-api';
import { candidateMessages } from './messages';
import { timed, type ServerClock } from './server-clock';
import type { Attempt } from './types';

/** Before the start: who invites, what the assessment is, its instructions and terms, and the consent. */
export function WelcomeView({ attempt, token, clock, onStarted }: { attempt: Attempt; token: string; clock: ServerClock; onStarted: (attempt: Attempt) => void }) {
  const t = useMessages(candidateMessages);
  const format = useFormat();
  const consentId = useId();
  const [consent, setConsent] = useState(attempt.terms !== null);
  const [state, setState] = useState<{ kind: 'idle' | 'starting' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const { assessment } = attempt;
  const opensAt = attempt.custom_time_open;
  const closesAt = [attempt.custom_time_close, attempt.deadline, attempt.invitation_date_expire].filter((date): date is string => date !== null).sort()[0];

  const start = async () => {
    setState({ kind: 'starting' });
    const path = { params: { path: { token } } };
    if (!attempt.terms) {
      const accepted = await candidateApi.POST('/candidate/attempts/{token}/terms', path);
      if (!accepted.data) return setState({ kind: 'failed', message: accepted.error?.message ?? t('notStartable') });
    }
    const started = await timed(clock, () => candidateApi.POST('/candidate/attempts/{token}/start', path));
    if (!started.data) return setState({ kind: 'failed', message: started.error?.message ?? t('notStartable') });
    onStarted(started.data);
  };

  return (
    <Layout title={attempt.company || undefined}>
      <h1>{assessment.name}</h1>
      {attempt.company && <p className="lead">{t('invitedBy', { company: attempt.company })}</p>}
      <ul className="facts">
        <li>{t('duration', { duration: format.minutes(assessment.duration_seconds) })}</li>
        <li>{t('questions', { count: assessment.question_count })}</li>
        {opensAt && <li>{t('opensAt', { date: format.dateTime(opensAt) })}</li>}
        {closesAt && <li>{t('closesAt', { date: format.dateTime(closesAt) })}</li>}
      </ul>
      {assessment.description && (
        <section aria-labelledby="instructions">
          <h2 id="instructions">{t('instructions')}</h2>
          <div className="statement">{assessment.description}</div>
        </section>
      )}
      {assessment.terms && (
        <section aria-labelledby="terms">
          <h2 id="terms">{t('terms')}</h2>
          <div className="statement">{assessment.terms}</div>
        </section>
      )}
      {attempt.proctored && <Notice tone="warning">{t('proctoring')}</Notice>}
      {attempt.status === 'expired' ? (
        <Notice tone="error">{t('expired')}</Notice>
      ) : (
        <form
          className="start"
          onSubmit={(event) => {
            event.preventDefault();
            void start();
          }}
        >
          <div className="consent">
            <input id={consentId} type="checkbox" checked={consent} onChange={(event) => setConsent(event.target.checked)} required />
            <label htmlFor={consentId}>{attempt.proctored ? t('consentProctoring') : t('consent')}</label>
          </div>
          <p className="muted">{t('startNote')}</p>
          <Button type="submit" disabled={!consent || state.kind === 'starting'}>
            {state.kind === 'starting' ? t('starting') : t('start')}
          </Button>
          {state.kind === 'failed' && <Notice tone="error">{state.message}</Notice>}
        </form>
      )}
    </Layout>
  );
}
