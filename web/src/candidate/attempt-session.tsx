import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { commonMessages } from '../i18n/common-messages';
import { useFormat, useLanguage, useMessages } from '../i18n/i18n';
import { Button } from '../ui/button';
import { Loading } from '../ui/feedback';
import { Layout } from '../ui/layout';
import { AnswerSync, type SyncState } from './answer-sync';
import { candidateApi } from './candidate-api';
import { Countdown, useRemaining } from './countdown';
import { FinishDialog } from './finish-dialog';
import { candidateMessages } from './messages';
import { isAnswered, localized } from './question-text';
import { QuestionView } from './question-view';
import { timed, type ServerClock } from './server-clock';
import type { AnswerResponse, Attempt, AttemptQuestions } from './types';

type Phase = { kind: 'working' } | { kind: 'confirming'; busy: boolean; error: string | null } | { kind: 'time-up' };

const positionKey = (attemptId: string) => `assay.position.${attemptId}`;

function storedPosition(attemptId: string): string | null {
  try {
    return localStorage.getItem(positionKey(attemptId));
  } catch {
    return null;
  }
}

function rememberPosition(attemptId: string, questionId: string): void {
  try {
    localStorage.setItem(positionKey(attemptId), questionId);
  } catch {
    // Without storage a reload starts at the first question.
  }
}

interface SessionProps {
  attempt: Attempt;
  token: string;
  clock: ServerClock;
  /** The attempt left the started state (finished here, in another tab, or closed at its time): show what it became. */
  onClosed: (attempt: Attempt) => void;
}

/** A started attempt: the questions, their answers kept safe (AnswerSync), the countdown and the finish. */
export function AttemptSession({ attempt, token, clock, onClosed }: SessionProps) {
  const t = useMessages(candidateMessages);
  const common = useMessages(commonMessages);
  const format = useFormat();
  const { language } = useLanguage();
  const [payload, setPayload] = useState<AttemptQuestions | null>(null);
  const [responses, setResponses] = useState<Record<string, AnswerResponse | null>>({});
  const [savedAt, setSavedAt] = useState<Record<string, string | null>>({});
  const [uploaded, setUploaded] = useState<Record<string, boolean>>({});
  const [position, setPosition] = useState(0);
  const [sync, setSync] = useState<{ state: SyncState; pending: number }>({ state: 'saved', pending: 0 });
  const [endsAt, setEndsAt] = useState(attempt.ends_at);
  const [phase, setPhase] = useState<Phase>({ kind: 'working' });
  const [locked, setLocked] = useState(false);
  const answers = useRef<AnswerSync | null>(null);
  const closing = useRef(false);

  const refresh = useCallback(async () => (await timed(clock, () => candidateApi.GET('/candidate/attempts/{token}', { params: { path: { token } } }))).data, [clock, token]);

  /** The server's word: once it says the time is over (or it finished elsewhere), lock and wait for it to close the attempt. */
  const closeOnServersWord = useCallback(async () => {
    if (closing.current) return;
    closing.current = true;
    setLocked(true);
    await answers.current?.flush();
    const current = await refresh();
    if (current && current.status === 'started' && (current.remaining_seconds ?? 0) > 0) {
      // Our estimate of the server clock ran early: it still takes answers.
      closing.current = false;
      setEndsAt(current.ends_at);
      setLocked(false);
      return;
    }
    answers.current?.stop();
    if (current && current.status !== 'started') return onClosed(current);
    setPhase({ kind: 'time-up' });
  }, [onClosed, refresh]);

  useEffect(() => {
    if (phase.kind !== 'time-up') return;
    // The server finishes attempts whose time ran out (within a minute); show the outcome once it has.
    const timer = setInterval(() => {
      void refresh().then((current) => {
        if (current && current.status !== 'started') onClosed(current);
      });
    }, 5_000);
    return () => clearInterval(timer);
  }, [phase.kind, refresh, onClosed]);

  const close = useRef(closeOnServersWord);
  useLayoutEffect(() => {
    close.current = closeOnServersWord;
  });

  useEffect(() => {
    let live = true;
    const sync = new AnswerSync(candidateApi, token, clock, Date.parse(attempt.started ?? attempt.now), {
      saved: (questionId, _revision, at) => setSavedAt((previous) => ({ ...previous, [questionId]: at })),
      closed: () => void close.current(),
      state: (state, pending) => setSync({ state, pending }),
    });
    answers.current = sync;
    void (async () => {
      const loaded = await timed(clock, () => candidateApi.GET('/candidate/attempts/{token}/questions', { params: { path: { token } } }));
      if (!live) return;
      if (!loaded.data) return void close.current();
      const data = loaded.data;
      const kept = await sync.restore(new Map(data.answers.map((answer) => [answer.question_id, answer.revision])));
      if (!live) return;
      setResponses(Object.fromEntries(data.answers.map((answer) => [answer.question_id, kept.get(answer.question_id)?.response ?? answer.response])));
      setSavedAt(Object.fromEntries(data.answers.map((answer) => [answer.question_id, answer.saved_at])));
      const resumeAt = data.questions.findIndex((question) => question._id === storedPosition(attempt._id));
      setPosition(Math.max(0, resumeAt));
      setEndsAt(data.ends_at);
      setPayload(data);
    })();
    // Leaving the page or hiding it sends what is pending.
    const leave = () => void sync.flush();
    const hidden = () => document.visibilityState === 'hidden' && leave();
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      live = false;
      sync.stop();
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [attempt._id, attempt.now, attempt.started, clock, token]);

  const timeUp = useCallback(() => void closeOnServersWord(), [closeOnServersWord]);
  const remaining = useRemaining(clock, endsAt, timeUp);

  const questions = useMemo(() => payload?.questions ?? [], [payload]);
  const stored = useMemo(() => new Map((payload?.answers ?? []).map((answer) => [answer.question_id, answer])), [payload]);
  const unanswered = questions
    .map((question, i) => ({ question, position: i }))
    .filter(({ question }) => !isAnswered(question, responses[question._id] ?? null, Boolean(uploaded[question._id])));

  const goTo = (next: number) => {
    void answers.current?.flush();
    setPosition(next);
    rememberPosition(attempt._id, questions[next]._id);
    setPhase({ kind: 'working' });
    document.getElementById('main')?.focus();
  };

  const finish = async () => {
    setPhase({ kind: 'confirming', busy: true, error: null });
    await answers.current?.flush();
    if ((answers.current?.pendingCount ?? 0) > 0) return setPhase({ kind: 'confirming', busy: false, error: t('finishPending') });
    const finished = await timed(clock, () => candidateApi.POST('/candidate/attempts/{token}/finish', { params: { path: { token } } })).catch(() => undefined);
    if (finished?.data) {
      answers.current?.stop();
      return onClosed(finished.data);
    }
    if (finished?.error?.code === 'attempt_time_over') return void closeOnServersWord();
    setPhase({ kind: 'confirming', busy: false, error: t('finishFailed', { message: finished?.error?.message ?? common('offline') }) });
  };

  const status = (
    <span className={`save-state save-${sync.state}`} role="status">
      {t(sync.state)}
      {sync.pending > 0 && sync.state !== 'saving' ? ` (${t('pendingCount', { count: sync.pending })})` : ''}
    </span>
  );
  const header = (
    <>
      {status}
      {remaining !== null && phase.kind !== 'time-up' && <Countdown remaining={remaining} />}
    </>
  );

  if (!payload) {
    return (
      <Layout title={attempt.assessment.name} actions={header}>
        <Loading />
      </Layout>
    );
  }

  if (phase.kind === 'time-up') {
    return (
      <Layout title={attempt.assessment.name} actions={status}>
        <h1>{t('timeUp')}</h1>
        <p>{t('timeUpText')}</p>
        <ol className="saved-list">
          {questions.map((question) => (
            <li key={question._id}>
              <strong>{localized(question, language).title}</strong> — {savedAt[question._id] ? t('savedAt', { date: format.dateTime(savedAt[question._id]!) }) : t('notSaved')}
            </li>
          ))}
        </ol>
        <p className="muted" role="status">
          {t('closing')}
        </p>
      </Layout>
    );
  }

  const question = questions[position];
  return (
    <Layout title={attempt.assessment.name} actions={header}>
      <h1 className="visually-hidden">{attempt.assessment.name}</h1>
      <div className="session">
        <nav aria-label={t('navigation')} className="question-nav">
          <ol>
            {questions.map((entry, i) => {
              const done = isAnswered(entry, responses[entry._id] ?? null, Boolean(uploaded[entry._id]));
              return (
                <li key={entry._id}>
                  <button type="button" className={`nav-item${done ? ' nav-done' : ''}`} aria-current={i === position ? 'step' : undefined} onClick={() => goTo(i)}>
                    {i + 1}
                    <span className="visually-hidden">
                      {' '}
                      {localized(entry, language).title} ({done ? t('answered') : t('notAnswered')})
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        <div className="question-area">
          <QuestionView
            key={question._id}
            question={question}
            position={position + 1}
            count={questions.length}
            response={responses[question._id] ?? null}
            stored={stored.get(question._id)}
            token={token}
            readOnly={locked}
            onChange={(response) => {
              setResponses((previous) => ({ ...previous, [question._id]: response }));
              answers.current?.update(question._id, response);
            }}
            onCommit={() => void answers.current?.flush()}
            onUploaded={() => setUploaded((previous) => ({ ...previous, [question._id]: true }))}
          />
          <div className="pager">
            <Button variant="secondary" disabled={position === 0} onClick={() => goTo(position - 1)}>
              {t('previous')}
            </Button>
            {position < questions.length - 1 ? (
              <Button onClick={() => goTo(position + 1)}>{t('next')}</Button>
            ) : (
              <Button onClick={() => setPhase({ kind: 'confirming', busy: false, error: null })} disabled={locked}>
                {t('finish')}
              </Button>
            )}
          </div>
          {position < questions.length - 1 && (
            <p className="finish-early">
              <Button variant="link" onClick={() => setPhase({ kind: 'confirming', busy: false, error: null })} disabled={locked}>
                {t('finish')}
              </Button>
            </p>
          )}
        </div>
      </div>
      {phase.kind === 'confirming' && (
        <FinishDialog
          unanswered={unanswered}
          busy={phase.busy}
          error={phase.error}
          onConfirm={() => void finish()}
          onCancel={() => setPhase({ kind: 'working' })}
          onGoTo={goTo}
        />
      )}
    </Layout>
  );
}
