import { useEffect, useRef } from 'react';
import { useLanguage, useMessages } from '../i18n/i18n';
import { Button } from '../ui/button';
import { Notice } from '../ui/feedback';
import { candidateMessages } from './messages';
import { localized } from './question-text';
import type { Question } from './types';

interface FinishDialogProps {
  unanswered: Array<{ question: Question; position: number }>;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  onGoTo: (position: number) => void;
}

/** The confirmation before finishing (a modal `<dialog>`: focus stays inside, Escape cancels), listing the unanswered questions. */
export function FinishDialog({ unanswered, busy, error, onConfirm, onCancel, onGoTo }: FinishDialogProps) {
  const t = useMessages(candidateMessages);
  const { language } = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="finish-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="finish-title">{t('finishTitle')}</h2>
      {unanswered.length > 0 ? (
        <>
          <p>{t('finishUnanswered')}</p>
          <ul className="unanswered">
            {unanswered.map(({ question, position }) => (
              <li key={question._id}>
                <Button variant="link" onClick={() => onGoTo(position)}>
                  {t('questionNumber', { n: position + 1 })}: {localized(question, language).title}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('finishAllAnswered')}</p>
      )}
      <p className="muted">{t('finishNote')}</p>
      {error && <Notice tone="error">{error}</Notice>}
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t('finishCancel')}
        </Button>
        <Button onClick={onConfirm} disabled={busy}>
          {busy ? t('finishing') : t('finishConfirm')}
        </Button>
      </div>
    </dialog>
  );
}
