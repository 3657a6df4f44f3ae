import { useId, useRef } from 'react';
import { useMessages } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { candidateMessages } from '../messages';
import type { AnswerProps } from '../types';

type Format = 'bold' | 'italic' | 'list' | 'code';

/** Light formatting written as Markdown into the text, so the answer stays plain, safe text. */
function applyFormat(text: string, start: number, end: number, format: Format): { text: string; start: number; end: number } {
  const selected = text.slice(start, end);
  if (format === 'list') {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const block = text.slice(lineStart, end).split('\n').map((line) => (line.startsWith('- ') ? line : `- ${line}`)).join('\n');
    return { text: text.slice(0, lineStart) + block + text.slice(end), start: lineStart, end: lineStart + block.length };
  }
  const mark = format === 'bold' ? '**' : format === 'italic' ? '_' : '`';
  const wrapped = `${mark}${selected}${mark}`;
  return { text: text.slice(0, start) + wrapped + text.slice(end), start: start + mark.length, end: start + mark.length + selected.length };
}

/** Essay and conversational answers: a text area with a small formatting toolbar. */
export function EssayAnswer({ response, onChange, onCommit, readOnly, labelId }: AnswerProps) {
  const t = useMessages(candidateMessages);
  const area = useRef<HTMLTextAreaElement>(null);
  const help = useId();
  const text = typeof response?.text === 'string' ? response.text : '';
  const format = (kind: Format) => {
    const element = area.current;
    if (!element) return;
    const next = applyFormat(element.value, element.selectionStart, element.selectionEnd, kind);
    onChange({ text: next.text });
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(next.start, next.end);
    });
  };
  return (
    <div className="essay">
      <div className="toolbar" role="toolbar" aria-label={t('yourAnswer')}>
        {(['bold', 'italic', 'list', 'code'] as const).map((kind) => (
          <Button key={kind} variant="secondary" disabled={readOnly} onClick={() => format(kind)}>
            {t(kind)}
          </Button>
        ))}
      </div>
      <textarea
        ref={area}
        aria-labelledby={labelId}
        aria-describedby={help}
        value={text}
        readOnly={readOnly}
        rows={12}
        onChange={(event) => onChange({ text: event.target.value })}
        onBlur={onCommit}
      />
      <p id={help} className="muted small">
        {t('formattingHelp')}
      </p>
    </div>
  );
}

/** Project: a repository address and notes. */
export function ProjectAnswer({ question, response, onChange, onCommit, readOnly }: AnswerProps) {
  const t = useMessages(candidateMessages);
  const url = typeof response?.repository_url === 'string' ? response.repository_url : '';
  const notes = typeof response?.text === 'string' ? response.text : '';
  const urlId = useId();
  const notesId = useId();
  return (
    <div className="project">
      {question.project?.instructions && <p className="statement">{question.project.instructions}</p>}
      <label htmlFor={urlId}>{t('repositoryUrl')}</label>
      <input
        id={urlId}
        type="url"
        inputMode="url"
        value={url}
        readOnly={readOnly}
        required={question.project?.repository_required}
        onChange={(event) => onChange({ repository_url: event.target.value, text: notes })}
        onBlur={onCommit}
      />
      <label htmlFor={notesId}>{t('notes')}</label>
      <textarea id={notesId} value={notes} readOnly={readOnly} onChange={(event) => onChange({ repository_url: url, text: event.target.value })} onBlur={onCommit} />
    </div>
  );
}
