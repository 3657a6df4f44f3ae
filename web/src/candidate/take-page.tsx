import './candidate.css';
import { useCallback, useEffect, useState } from 'react';
import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/i18n';
import { Loading, Notice } from '../ui/feedback';
import { Layout } from '../ui/layout';
import { AttemptSession } from './attempt-session';
import { candidateApi } from './candidate-api';
import { DoneView } from './done-view';
import { candidateMessages } from './messages';
import { ServerClock, timed } from './server-clock';
import type { Attempt } from './types';
import { WelcomeView } from './welcome-view';

/** `/take/:token`: the invitation link. Welcome → the started attempt → done, as the server says the attempt stands. */
export function TakePage({ params }: { params: Record<string, string> }) {
  const t = useMessages(candidateMessages);
  const common = useMessages(commonMessages);
  const token = params.token;
  const [clock] = useState(() => new ServerClock());
  const [attempt, setAttempt] = useState<Attempt | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void timed(clock, () => candidateApi.GET('/candidate/attempts/{token}', { params: { path: { token } } }))
      .then(({ data }) => live && setAttempt(data ?? null))
      .catch(() => live && setAttempt(null));
    return () => {
      live = false;
    };
  }, [clock, token]);
  useEffect(() => {
    if (attempt) document.title = `${attempt.assessment.name} · Assay`;
  }, [attempt]);
  const closed = useCallback((next: Attempt) => setAttempt(next), []);

  if (attempt === undefined)
    return (
      <Layout>
        <Loading />
      </Layout>
    );
  if (attempt === null)
    return (
      <Layout>
        <h1>{common('errorTitle')}</h1>
        <Notice tone="error">{t('attemptNotFound')}</Notice>
      </Layout>
    );
  switch (attempt.status) {
    case 'started':
      return <AttemptSession attempt={attempt} token={token} clock={clock} onClosed={closed} />;
    case 'finished':
    case 'pending':
    case 'pending_review':
      return <DoneView attempt={attempt} />;
    default:
      return <WelcomeView attempt={attempt} token={token} clock={clock} onStarted={setAttempt} />;
  }
}
