import { useFormat, useMessages } from '../i18n/i18n';
import { Link } from '../router';
import { Loading } from '../ui/feedback';
import { recruiterMessages } from './messages';
import { useApi } from './session';
import { Shell } from './shell';
import { useLoad } from './use-load';

function DashboardContent() {
  const t = useMessages(recruiterMessages);
  const format = useFormat();
  const api = useApi();
  const credits = useLoad(() => api.GET('/workspace/credits/stats'), [api]);
  const assessments = useLoad(() => api.GET('/assessments', { params: { query: { limit: 10, orderBy: 'updated', order: 'desc' } } }), [api]);
  return (
    <>
      <section aria-labelledby="credits-heading" className="card">
        <h2 id="credits-heading">{t('creditsBalance')}</h2>
        {credits.data ? (
          <dl className="stats">
            <div>
              <dt>{t('hardSkills')}</dt>
              <dd>{format.number(credits.data.hard_skills.balance)}</dd>
            </div>
            <div>
              <dt>{t('softSkills')}</dt>
              <dd>{format.number(credits.data.soft_skills.balance)}</dd>
            </div>
          </dl>
        ) : (
          <Loading />
        )}
      </section>
      <section aria-labelledby="assessments-heading">
        <h2 id="assessments-heading">{t('recentAssessments')}</h2>
        {!assessments.data ? (
          <Loading />
        ) : assessments.data.docs.length === 0 ? (
          <p>{t('noAssessments')}</p>
        ) : (
          <ul className="list">
            {assessments.data.docs.map((assessment) => (
              <li key={assessment._id}>
                <Link href={`/app/assessments/${assessment._id}`}>{assessment.name}</Link>{' '}
                <span className="muted">
                  {assessment.status_formatted} · {t('questionCount', { count: assessment.questions_count })} · {format.dateTime(assessment.updated)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/app/assessments/new">{t('newAssessment')}</Link>
        </p>
      </section>
    </>
  );
}

export default function DashboardPage() {
  const t = useMessages(recruiterMessages);
  return (
    <Shell title={t('navDashboard')}>
      <DashboardContent />
    </Shell>
  );
}
