import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../api/client';
import { useFormat, useMessages } from '../i18n/i18n';
import { Link } from '../router';
import { Button } from '../ui/button';
import { Loading, Notice } from '../ui/feedback';
import { recruiterMessages } from './messages';
import { ScoreChart } from './score-chart';
import { errorText, useApi } from './session';
import { Shell } from './shell';
import { useLoad } from './use-load';

type Answer = ResponseOf<'findAttemptAnswers'>[number];
interface GivenResponse {
  text?: string;
  code?: string;
  language?: number;
  choices?: string[];
}
interface AutoResult {
  kind?: string;
  status?: string;
  passed?: boolean;
  tests?: Array<{ _id: string; passed: boolean; status?: string }>;
  rows?: unknown[][];
  columns?: string[];
}

function ReviewForm({ answer, onSaved }: { answer: Answer; onSaved: () => void }) {
  const t = useMessages(recruiterMessages);
  const api = useApi();
  const review = (answer.review ?? {}) as { score?: number; comment?: string };
  const [score, setScore] = useState(review.score !== undefined ? String(review.score) : '');
  const [comment, setComment] = useState(review.comment ?? '');
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data, error: failed } = await api.PUT('/assessments/answers/{id}/review', { params: { path: { id: answer._id } }, body: { score: Number(score), comment: comment || undefined } });
    if (data) onSaved();
    else setError(errorText(failed, t('saveFailed')));
  };
  return (
    <form className="stack review" onSubmit={(event) => void submit(event)} aria-label={t('reviewOf', { title: answer.title ?? '' })}>
      {error && <Notice tone="error">{error}</Notice>}
      <label className="field">
        <span>{t('reviewScore', { max: answer.max_score ?? 0 })}</span>
        <input type="number" min={0} max={answer.max_score ?? undefined} step="any" required className="short" value={score} onChange={(event) => setScore(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('reviewComment')}</span>
        <textarea value={comment} onChange={(event) => setComment(event.target.value)} />
      </label>
      <Button type="submit">{t('saveReview')}</Button>
    </form>
  );
}

function GivenAnswer({ answer }: { answer: Answer }) {
  const t = useMessages(recruiterMessages);
  const given = (answer.response ?? {}) as GivenResponse;
  const result = (answer.auto_result ?? {}) as AutoResult;
  const right = answer.score !== null && answer.max_score !== null && answer.max_score > 0 ? answer.score >= answer.max_score : undefined;
  if (!answer.response) return <p className="muted">{t('notAnswered')}</p>;
  return (
    <>
      {given.text !== undefined && <blockquote className="given">{given.text}</blockquote>}
      {given.choices && (
        <p>
          {t('pickedChoices')}: {given.choices.join(', ')} {right !== undefined && <strong className={right ? 'right' : 'wrong'}>{right ? t('right') : t('wrong')}</strong>}
        </p>
      )}
      {given.code !== undefined && <pre className="code">{given.code}</pre>}
      {result.tests && (
        <ul className="list">
          {result.tests.map((test) => (
            <li key={test._id}>
              {test._id}: <strong className={test.passed ? 'right' : 'wrong'}>{test.passed ? t('passed') : t('failed')}</strong>
            </li>
          ))}
        </ul>
      )}
      {result.kind === 'sql' && (
        <p>
          {t('sqlVerdict')}: <strong className={result.passed ? 'right' : 'wrong'}>{result.passed ? t('passed') : t('failed')}</strong>
        </p>
      )}
    </>
  );
}

function AttemptContent({ assessmentId, attemptId }: { assessmentId: string; attemptId: string }) {
  const t = useMessages(recruiterMessages);
  const format = useFormat();
  const api = useApi();
  const attempt = useLoad(() => api.GET('/assessments/{id}/attempts/{attemptId}', { params: { path: { id: assessmentId, attemptId } } }), [api, assessmentId, attemptId]);
  const answers = useLoad(() => api.GET('/assessments/attempts/{attemptId}/answers', { params: { path: { attemptId } } }), [api, attemptId]);
  const assessment = useLoad(() => api.GET('/assessments/{id}', { params: { path: { id: assessmentId } } }), [api, assessmentId]);
  if (attempt.error) return <Notice tone="error">{errorText(attempt.error, t('loadFailed'))}</Notice>;
  if (!attempt.data || !answers.data) return <Loading />;
  const data = attempt.data;
  const reload = () => {
    attempt.reload();
    answers.reload();
  };
  const skillName = (id: string) => assessment.data?.skills.find((skill) => skill._id === id)?.name ?? id;
  const breakdown = data.breakdown as { skills: Array<{ skill_id: string; percentage: number }>; questions: Array<{ question_id: string; score: number | null; max_score: number }> } | null;
  const chartRows = breakdown?.skills.length
    ? breakdown.skills.map((skill) => ({ label: skillName(skill.skill_id), percentage: skill.percentage }))
    : (breakdown?.questions ?? []).map((question) => ({
        label: answers.data?.find((answer) => answer.question === question.question_id)?.title ?? question.question_id,
        percentage: question.max_score > 0 ? ((question.score ?? 0) / question.max_score) * 100 : 0,
      }));
  return (
    <>
      <p>
        <Link href={`/app/assessments/${assessmentId}`}>{t('backToAssessment', { name: data.assessment.name })}</Link>
      </p>
      <h2>{data.user.name || data.user.email}</h2>
      <dl className="stats">
        <div>
          <dt>{t('status')}</dt>
          <dd data-testid="attempt-status">{data.status_formatted}</dd>
        </div>
        <div>
          <dt>{t('score')}</dt>
          <dd data-testid="attempt-score">{data.score === null ? '—' : format.number(data.score)}</dd>
        </div>
        <div>
          <dt>{t('finished')}</dt>
          <dd>{data.finished ? format.dateTime(data.finished) : '—'}</dd>
        </div>
      </dl>
      {chartRows.length > 0 && (
        <section aria-labelledby="breakdown-heading">
          <h2 id="breakdown-heading">{t('breakdown')}</h2>
          <ScoreChart title={t('breakdown')} rows={chartRows} />
        </section>
      )}
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t('answers')}</h2>
        {answers.data.map((answer) => (
          <article key={answer._id} className="card" aria-labelledby={`answer-${answer._id}`}>
            <h3 id={`answer-${answer._id}`}>{answer.title}</h3>
            <p className="muted">
              {answer.type} · {answer.status} · {t('points', { score: answer.score === null ? '—' : format.number(answer.score), max: answer.max_score ?? 0 })}
            </p>
            <GivenAnswer answer={answer} />
            {(answer.type === 'essay' || answer.status === 'pending_review' || answer.review) && data.status !== 'started' && <ReviewForm answer={answer} onSaved={reload} />}
          </article>
        ))}
      </section>
    </>
  );
}

export default function AttemptPage({ params }: { params: Record<string, string> }) {
  const t = useMessages(recruiterMessages);
  return (
    <Shell title={t('attempt')}>
      <AttemptContent assessmentId={params.id} attemptId={params.attemptId} />
    </Shell>
  );
}
