import { useFormat, useMessages } from '../i18n/i18n';
import { Link } from '../router';
import { Loading } from '../ui/feedback';
import { recruiterMessages } from './messages';
import { useApi } from './session';
import { Shell } from './shell';
import { useLoad } from './use-load';

function AssessmentsContent() {
  const t = useMessages(recruiterMessages);
  const format = useFormat();
  const api = useApi();
  const list = useLoad(() => api.GET('/assessments', { params: { query: { limit: 50 } } }), [api]);
  return (
    <>
      <p>
        <Link className="button button-primary" href="/app/assessments/new">
          {t('newAssessment')}
        </Link>
      </p>
      {!list.data ? (
        <Loading />
      ) : list.data.docs.length === 0 ? (
        <p>{t('noAssessments')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('navAssessments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('questions')}</th>
              <th scope="col">{t('updated')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.docs.map((assessment) => (
              <tr key={assessment._id}>
                <td>
                  <Link href={`/app/assessments/${assessment._id}`}>{assessment.name}</Link>
                </td>
                <td>{assessment.status_formatted}</td>
                <td>{assessment.questions_count}</td>
                <td>{format.dateTime(assessment.updated)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export default function AssessmentsPage() {
  const t = useMessages(recruiterMessages);
  return (
    <Shell title={t('navAssessments')}>
      <AssessmentsContent />
    </Shell>
  );
}
