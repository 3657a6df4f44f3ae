import { useId, useRef, useState } from 'react';
import { useMessages } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/feedback';
import { candidateMessages } from '../messages';
import type { AnswerProps } from '../types';
import { uploadAnswerMedia } from './upload-media';

const accepted: Record<string, { accept: string; types: string }> = {
  file: { accept: 'application/pdf,image/png,image/jpeg', types: 'PDF, PNG, JPEG' },
  audio: { accept: 'audio/webm,audio/mp4,video/webm,video/mp4,audio/x-m4a', types: 'WebM, MP4, M4A' },
  video: { accept: 'video/webm,video/mp4', types: 'WebM, MP4' },
};

type Upload = { state: 'idle' } | { state: 'uploading'; percent: number } | { state: 'done'; name: string } | { state: 'failed'; message: string };

/** File, audio and video answers: a file (or a recording made here) uploaded in parts, and a note. */
export function MediaAnswer({ question, response, onChange, onCommit, readOnly, stored, onUploaded }: AnswerProps & { onUploaded: () => void }) {
  const t = useMessages(candidateMessages);
  const inputId = useId();
  const notesId = useId();
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const [recording, setRecording] = useState<MediaRecorder | null>(null);
  const chunks = useRef<Blob[]>([]);
  const kind = accepted[question.type] ?? accepted.file;
  const notes = typeof response?.text === 'string' ? response.text : '';
  const mediaToken = stored?.media_token;

  const send = async (blob: Blob, name: string) => {
    if (!mediaToken) return;
    setUpload({ state: 'uploading', percent: 0 });
    try {
      await uploadAnswerMedia(mediaToken, blob, name, ({ sent, total }) => setUpload({ state: 'uploading', percent: Math.round((sent / total) * 100) }));
      setUpload({ state: 'done', name });
      onChange(notes ? { text: notes } : {});
      onCommit();
      onUploaded();
    } catch (error) {
      setUpload({ state: 'failed', message: (error as Error).message });
    }
  };

  const canRecord = (question.type === 'audio' || question.type === 'video') && typeof MediaRecorder !== 'undefined' && 'mediaDevices' in navigator;
  const startRecording = async () => {
    const stream = await navigator.mediaDevices.getUserMedia(question.type === 'video' ? { video: true, audio: true } : { audio: true });
    const recorder = new MediaRecorder(stream);
    chunks.current = [];
    recorder.ondataavailable = (event) => chunks.current.push(event.data);
    recorder.onstop = () => {
      stream.getTracks().forEach((track) => track.stop());
      void send(new Blob(chunks.current, { type: recorder.mimeType }), `${question.type}.webm`);
    };
    recorder.start(1000);
    setRecording(recorder);
  };

  return (
    <div className="media">
      <label htmlFor={inputId}>{t('file')}</label>
      <input
        id={inputId}
        type="file"
        accept={kind.accept}
        disabled={readOnly || !mediaToken || upload.state === 'uploading'}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void send(file, file.name);
        }}
      />
      <p className="muted small">{t('fileTypes', { types: kind.types })}</p>
      {canRecord &&
        (recording ? (
          <Button
            variant="danger"
            onClick={() => {
              recording.stop();
              setRecording(null);
            }}
          >
            {t('stopRecording')}
          </Button>
        ) : (
          <Button variant="secondary" disabled={readOnly} onClick={() => void startRecording().catch(() => setUpload({ state: 'failed', message: t('recordingUnavailable') }))}>
            {t('record')}
          </Button>
        ))}
      <div aria-live="polite">
        {upload.state === 'uploading' && <p>{t('uploading', { percent: upload.percent })}</p>}
        {upload.state === 'done' && <Notice tone="success">{t('uploaded', { name: upload.name })}</Notice>}
        {upload.state === 'failed' && <Notice tone="error">{t('uploadFailed', { message: upload.message })}</Notice>}
      </div>
      <label htmlFor={notesId}>{t('notes')}</label>
      <textarea id={notesId} value={notes} readOnly={readOnly} rows={4} onChange={(event) => onChange({ text: event.target.value })} onBlur={onCommit} />
    </div>
  );
}
