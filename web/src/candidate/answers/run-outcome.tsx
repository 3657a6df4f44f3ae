import { useFormat, useMessages } from '../../i18n/i18n';
import { Notice } from '../../ui/feedback';
import { candidateMessages } from '../messages';
import type { SampleRun } from '../types';

const verdictTone = (status: string | null) => (status === 'accepted' ? 'success' : 'error');

/** What a run answered: per sample its verdict, time and memory (coding), or the result grid (SQL). */
export function RunOutcome({ run }: { run: SampleRun }) {
  const t = useMessages(candidateMessages);
  const format = useFormat();
  if (run.state !== 'done') return <Notice tone="warning">{t('runQueued')}</Notice>;
  if (run.output || (run.total === 0 && run.tests.length === 0)) return <ResultGrid run={run} />;
  return (
    <div className="run-outcome">
      <Notice tone={verdictTone(run.status)}>
        <strong>{run.status}</strong> — {t('passedOf', { passed: run.passed, total: run.total })}
      </Notice>
      {run.compile_output && (
        <>
          <h4>{t('compileOutput')}</h4>
          <pre>{run.compile_output}</pre>
        </>
      )}
      <table className="grid">
        <caption className="visually-hidden">{t('sampleTests')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('verdict')}</th>
            <th scope="col">{t('time')}</th>
            <th scope="col">{t('memory')}</th>
            <th scope="col">{t('output')}</th>
            <th scope="col">{t('expected')}</th>
          </tr>
        </thead>
        <tbody>
          {run.tests.map((test, i) => (
            <tr key={test._id}>
              <th scope="row">{i + 1}</th>
              <td className={`verdict verdict-${verdictTone(test.status)}`}>{test.status}</td>
              <td>{format.number(test.time_ms)} ms</td>
              <td>{format.number(Math.round(test.memory_kb / 1024))} MB</td>
              <td>
                <pre>{test.stdout ?? ''}{test.stderr ? `\n${test.stderr}` : ''}</pre>
              </td>
              <td>
                <pre>{test.expected_output ?? ''}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function ResultGrid({ run }: { run: SampleRun }) {
  const t = useMessages(candidateMessages);
  if (!run.output) return <Notice tone={run.status === 'accepted' || run.status === null ? 'info' : 'error'}>{run.message ?? run.status}</Notice>;
  const { columns, rows, row_count: count, truncated } = run.output;
  if (rows.length === 0) return <Notice>{t('noRows')}</Notice>;
  return (
    <div className="run-outcome">
      <p>{t('rows', { count })}</p>
      <div className="grid-scroll" tabIndex={0} role="region" aria-label={t('rows', { count })}>
        <table className="grid">
          <thead>
            <tr>
              {columns.map((column, i) => (
                <th key={i} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {(Array.isArray(row) ? row : columns.map((column) => (row as Record<string, unknown>)[column])).map((value, j) => (
                  <td key={j}>{cell(value)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {truncated && <p className="muted">{t('truncated')}</p>}
    </div>
  );
}
