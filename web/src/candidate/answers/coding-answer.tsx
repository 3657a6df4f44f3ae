import { useId, useState } from 'react';
import { useMessages } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { CodeEditor } from '../../ui/code-editor/code-editor';
import { Notice } from '../../ui/feedback';
import { candidateApi } from '../candidate-api';
import { candidateMessages } from '../messages';
import type { AnswerProps, SampleRun } from '../types';
import { useCodingLanguages } from './coding-languages';
import { RunOutcome } from './run-outcome';

/** Coding: a language among the question's, its starting code, the editor and runs on the sample tests. */
export function CodingAnswer({ question, response, onChange, onCommit, readOnly, token, label }: AnswerProps) {
  const t = useMessages(candidateMessages);
  const coding = question.coding!;
  const languages = useCodingLanguages();
  const pickerId = useId();
  const stubOf = (language: number) => coding.stubs[String(language)] ?? '';
  const language = typeof response?.language === 'number' ? response.language : coding.languages[0];
  const code = typeof response?.code === 'string' ? response.code : stubOf(language);
  const [run, setRun] = useState<{ state: 'idle' | 'running' } | { state: 'done'; result: SampleRun } | { state: 'failed'; message: string }>({ state: 'idle' });

  // A first visit starts from the stub; it is saved only once the candidate edits it.
  const pick = (next: number) => {
    const keep = code.trim() !== '' && code !== stubOf(language);
    onChange({ language: next, code: keep ? code : stubOf(next) });
    onCommit();
  };

  const runSamples = async () => {
    setRun({ state: 'running' });
    onCommit();
    try {
      const { data, error } = await candidateApi.POST('/candidate/attempts/{token}/answers/{questionId}/run', {
        params: { path: { token, questionId: question._id } },
        body: { language, code },
      });
      setRun(data ? { state: 'done', result: data } : { state: 'failed', message: error?.message ?? '' });
    } catch (error) {
      setRun({ state: 'failed', message: (error as Error).message });
    }
  };

  const editor = languages.find((entry) => entry.id === language)?.editor ?? 'plain';
  return (
    <div className="coding">
      <div className="coding-bar">
        <label htmlFor={pickerId}>{t('language')}</label>
        <select id={pickerId} value={language} disabled={readOnly} onChange={(event) => pick(Number(event.target.value))}>
          {coding.languages.map((id) => (
            <option key={id} value={id}>
              {languages.find((entry) => entry.id === id)?.name ?? `#${id}`}
            </option>
          ))}
        </select>
        <Button
          variant="secondary"
          disabled={readOnly}
          onClick={() => {
            if (window.confirm(t('loadStubConfirm'))) onChange({ language, code: stubOf(language) });
          }}
        >
          {t('loadStub')}
        </Button>
      </div>
      <CodeEditor value={code} language={editor} readOnly={readOnly} label={label} onChange={(next) => onChange({ language, code: next })} onBlur={onCommit} />
      <div className="run-bar">
        <Button onClick={() => void runSamples()} disabled={readOnly || run.state === 'running'}>
          {run.state === 'running' ? t('running') : t('run')}
        </Button>
      </div>
      <SampleTests tests={coding.sample_tests} />
      <div aria-live="polite">
        {run.state === 'failed' && <Notice tone="error">{t('runFailed', { message: run.message })}</Notice>}
        {run.state === 'done' && <RunOutcome run={run.result} />}
      </div>
    </div>
  );
}

function SampleTests({ tests }: { tests: Array<{ _id: string; input: string; expected_output: string | null }> }) {
  const t = useMessages(candidateMessages);
  if (tests.length === 0) return null;
  return (
    <details className="samples">
      <summary>{t('sampleTests')}</summary>
      {tests.map((test) => (
        <div key={test._id} className="sample">
          <h4>{t('input')}</h4>
          <pre>{test.input}</pre>
          {test.expected_output !== null && (
            <>
              <h4>{t('expected')}</h4>
              <pre>{test.expected_output}</pre>
            </>
          )}
        </div>
      ))}
    </details>
  );
}
