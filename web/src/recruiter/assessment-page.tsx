import { useState, type FormEvent } from 'react';
import { useFormat, useMessages } from '../i18n/i18n';
import { Link } from '../router';
import { Button } from '../ui/button';
import { Loading, Notice } from '../ui/feedback';
import { recruiterMessages } from './messages';
import { errorText, useApi } from './session';
import { Shell } from './shell';
import { useLoad } from './use-load';

const statuses = ['invited', 'started', 'pending', 'pending_review', 'finished', 'expired'] as const;

function InviteForm({ assessmentId, onInvited }: { assessmentId: string; onInvited: () => void }) {
  const t = useMessages(recruiterMessages);
  const api = useApi();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string }>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data, error } = await api.POST('/assessments/{id}/attempts', { params: { path: { id: assessmentId } }, body: { participants: [{ email, name: name || undefined }] } });
    if (data) {
      setMessage({ tone: 'success', text: t('invited', { email }) });
      setEmail('');
      setName('');
      onInvited();
    } else setMessage({ tone: 'error', text: errorText(error, t('saveFailed')) });
  };
  return (
    <form className="stack" onSubmit={(event) => void submit(event)} aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('inviteCandidate')}</h2>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <div className="filters">
        <label className="field">
          <span>{t('email')}</span>
          <input type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('candidateName')}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
      </div>
      <Button type="submit">{t('sendInvitation')}</Button>
    </form>
  );
}

function Attempts({ assessmentId, round }: { assessmentId: string; round: number }) {
  const t = useMessages(recruiterMessages);
  const format = useFormat();
  const api = useApi();
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string }>();
  const list = useLoad(
    () =>
      api.GET('/assessments/{id}/attempts', {
        params: { path: { id: assessmentId }, query: { limit: 100, status: (status || undefined) as never, search: search || undefined } },
      }),
    [api, assessmentId, status, search, round],
  );
  const bulk = async (action: 'finish' | 'unlock' | 'send-results' | 'reopen') => {
    const ids = selected;
    const result =
      action === 'reopen'
        ? await api.POST('/assessments/attempts/bulk/reopen', { body: { ids, duration: 0 } })
        : action === 'finish'
          ? await api.POST('/assessments/attempts/bulk/finish', { body: { ids } })
          : action === 'unlock'
            ? await api.POST('/assessments/attempts/bulk/unlock', { body: { ids } })
            : await api.POST('/assessments/attempts/bulk/send-results', { body: { ids } });
    setNotice(result.error ? { tone: 'error', text: errorText(result.error, t('saveFailed')) } : { tone: 'success', text: t('bulkDone') });
    setSelected([]);
    list.reload();
  };
  const docs = list.data?.docs ?? [];
  const exportCsv = () => {
    const rows = [[t('candidateName'), t('email'), t('status'), t('stage'), t('score'), t('finished')], ...docs.map((a) => [a.user.name, a.user.email, a.status_formatted, a.stage_formatted, a.score ?? '', a.finished ?? ''])];
    const csv = rows.map((row) => row.map((cell) => `"${String(cell).replace(/"/g, '""')}"`).join(',')).join('\n');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = 'attempts.csv';
    link.click();
  };
  return (
    <section aria-labelledby="attempts-heading">
      <h2 id="attempts-heading">{t('attempts')}</h2>
      <form role="search" className="filters" onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span>{t('search')}</span>
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('status')}</span>
          <select value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">{t('any')}</option>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {t(`status_${value}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {notice && <Notice tone={notice.tone}>{notice.text}</Notice>}
      <div className="actions" role="group" aria-label={t('bulkActions')}>
        {(['finish', 'reopen', 'unlock', 'send-results'] as const).map((action) => (
          <Button key={action} variant="secondary" disabled={selected.length === 0} onClick={() => void bulk(action)}>
            {t(`bulk_${action.replace('-', '_')}` as 'bulk_finish')}
          </Button>
        ))}
        <Button variant="secondary" disabled={docs.length === 0} onClick={exportCsv}>
          {t('exportCsv')}
        </Button>
      </div>
      {!list.data ? (
        <Loading />
      ) : docs.length === 0 ? (
        <p>{t('noAttempts')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('attempts')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('select')}</span>
              </th>
              <th scope="col">{t('candidateName')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('stage')}</th>
              <th scope="col">{t('score')}</th>
              <th scope="col">{t('finished')}</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((attempt) => (
              <tr key={attempt._id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('selectAttempt', { name: attempt.user.name || attempt.user.email })}
                    checked={selected.includes(attempt._id)}
                    onChange={(event) => setSelected((ids) => (event.target.checked ? [...ids, attempt._id] : ids.filter((id) => id !== attempt._id)))}
                  />
                </td>
                <td>
                  <Link href={`/app/assessments/${assessmentId}/attempts/${attempt._id}`}>{attempt.user.name || attempt.user.email}</Link>
                  <br />
                  <span className="muted">{attempt.user.email}</span>
                </td>
                <td>{attempt.status_formatted}</td>
                <td>{attempt.stage_formatted}</td>
                <td>{attempt.score === null ? '—' : format.number(attempt.score)}</td>
                <td>{attempt.finished ? format.dateTime(attempt.finished) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function AssessmentContent({ id }: { id: string }) {
  const t = useMessages(recruiterMessages);
  const format = useFormat();
  const api = useApi();
  const [round, setRound] = useState(0);
  const [error, setError] = useState<string>();
  const assessment = useLoad(() => api.GET('/assessments/{id}', { params: { path: { id } } }), [api, id]);
  if (assessment.error) return <Notice tone="error">{errorText(assessment.error, t('loadFailed'))}</Notice>;
  if (!assessment.data) return <Loading />;
  const data = assessment.data;
  const publish = async () => {
    const { error: failed } = await api.PUT('/assessments/{id}', { params: { path: { id } }, body: { status: 'published' } });
    if (failed) setError(errorText(failed, t('saveFailed')));
    else assessment.reload();
  };
  return (
    <>
      <h2>{data.name}</h2>
      {error && <Notice tone="error">{error}</Notice>}
      <dl className="stats">
        <div>
          <dt>{t('status')}</dt>
          <dd>{data.status_formatted}</dd>
        </div>
        <div>
          <dt>{t('questions')}</dt>
          <dd>{data.questions_count}</dd>
        </div>
        <div>
          <dt>{t('duration')}</dt>
          <dd>
            {data.duration} {data.duration_unit_formatted}
          </dd>
        </div>
        <div>
          <dt>{t('updated')}</dt>
          <dd>{format.dateTime(data.updated)}</dd>
        </div>
      </dl>
      {data.status !== 'published' ? (
        <Button onClick={() => void publish()}>{t('publish')}</Button>
      ) : (
        <InviteForm assessmentId={id} onInvited={() => setRound((n) => n + 1)} />
      )}
      <Attempts assessmentId={id} round={round} />
    </>
  );
}

export default function AssessmentPage({ params }: { params: Record<string, string> }) {
  const t = useMessages(recruiterMessages);
  return (
    <Shell title={t('assessment')}>
      <AssessmentContent id={params.id} />
    </Shell>
  );
}
