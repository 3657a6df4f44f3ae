import { useEffect, useState } from 'react';
import type { ResponseOf } from '../api/client';
import { commonMessages } from '../i18n/common-messages';
import { useFormat, useLanguage, useMessages } from '../i18n/i18n';
import { Loading, Notice } from '../ui/feedback';
import { Layout } from '../ui/layout';
import { candidateApi } from './candidate-api';
import { candidateMessages } from './messages';

type Attempt = ResponseOf<'getCandidateAttempt'>;

export function TakePage({ params }: { params: Record<string, string> }) {
  const t = useMessages(candidateMessages);
  const common = useMessages(commonMessages);
  const format = useFormat();
  const { language } = useLanguage();
  const [attempt, setAttempt] = useState<Attempt | null | undefined>(undefined);
  useEffect(() => {
    void candidateApi.GET('/candidate/attempts/{token}', { params: { path: { token: params.token } } }).then(({ data }) => setAttempt(data ?? null));
  }, [params.token, language]);
  if (attempt === undefined) return <Layout><Loading /></Layout>;
  if (attempt === null)
    return (
      <Layout>
        <h1>{common('errorTitle')}</h1>
        <Notice tone="error">{t('attemptNotFound')}</Notice>
      </Layout>
    );
  return (
    <Layout>
      <h1>{attempt.assessment.name}</h1>
      <p>{t('questions', { count: attempt.assessment.question_count })}</p>
      <p>{t('duration', { duration: format.minutes(attempt.assessment.duration_seconds) })}</p>
    </Layout>
  );
}
