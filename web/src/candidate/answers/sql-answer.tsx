import { useState } from 'react';
import { useMessages } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { CodeEditor } from '../../ui/code-editor/code-editor';
import { Notice } from '../../ui/feedback';
import { candidateApi } from '../candidate-api';
import { candidateMessages } from '../messages';
import type { AnswerProps, SampleRun } from '../types';
import { RunOutcome } from './run-outcome';

/** SQL: the schema the query runs on, the editor, and a preview run showing the result grid. */
export function SqlAnswer({ question, response, onChange, onCommit, readOnly, token, label }: AnswerProps) {
  const t = useMessages(candidateMessages);
  const code = typeof response?.code === 'string' ? response.code : '';
  const [run, setRun] = useState<{ state: 'idle' | 'running' } | { state: 'done'; result: SampleRun } | { state: 'failed'; message: string }>({ state: 'idle' });
  const sql = question.sql;

  const preview = async () => {
    setRun({ state: 'running' });
    onCommit();
    try {
      const { data, error } = await candidateApi.POST('/candidate/attempts/{token}/answers/{questionId}/run', {
        params: { path: { token, questionId: question._id } },
        body: { code },
      });
      setRun(data ? { state: 'done', result: data } : { state: 'failed', message: error?.message ?? '' });
    } catch (error) {
      setRun({ state: 'failed', message: (error as Error).message });
    }
  };

  return (
    <div className="sql">
      {sql?.script ? (
        <details className="schema" open>
          <summary>{t('schema')}</summary>
          <pre>{sql.script}</pre>
        </details>
      ) : (
        <p className="muted">{t('datasetNote')}</p>
      )}
      <CodeEditor value={code} language="sql" readOnly={readOnly} label={label} onChange={(next) => onChange({ code: next })} onBlur={onCommit} />
      <div className="run-bar">
        <Button onClick={() => void preview()} disabled={readOnly || run.state === 'running' || code.trim() === ''}>
          {run.state === 'running' ? t('running') : t('runQuery')}
        </Button>
      </div>
      <div aria-live="polite">
        {run.state === 'failed' && <Notice tone="error">{t('runFailed', { message: run.message })}</Notice>}
        {run.state === 'done' && <RunOutcome run={run.result} />}
      </div>
    </div>
  );
}
