import { useEffect, useMemo, useRef, type PointerEvent } from 'react';
import { useMessages } from '../../i18n/i18n';
import { Button } from '../../ui/button';
import { candidateMessages } from '../messages';
import type { AnswerProps } from '../types';
import { uploadAnswerMedia } from './upload-media';

type Stroke = Array<[number, number]>;
const width = 800;
const height = 450;

function draw(canvas: HTMLCanvasElement, strokes: Stroke[]): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.strokeStyle = '#1a1d24';
  context.lineWidth = 3;
  context.lineCap = 'round';
  for (const stroke of strokes) {
    context.beginPath();
    stroke.forEach(([x, y], i) => (i === 0 ? context.moveTo(x, y) : context.lineTo(x, y)));
    context.stroke();
  }
}

/** Whiteboard: strokes saved as the answer's drawing, and a PNG of it uploaded as its media after each stroke. */
export function WhiteboardAnswer({ response, onChange, onCommit, readOnly, stored }: AnswerProps) {
  const t = useMessages(candidateMessages);
  const canvas = useRef<HTMLCanvasElement>(null);
  const current = useRef<Stroke | null>(null);
  const drawing = response?.drawing as { strokes?: Stroke[] } | undefined;
  const strokes = useMemo(() => drawing?.strokes ?? [], [drawing]);

  useEffect(() => {
    if (canvas.current) draw(canvas.current, strokes);
  }, [strokes]);

  const point = (event: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const box = event.currentTarget.getBoundingClientRect();
    return [Math.round(((event.clientX - box.left) / box.width) * width), Math.round(((event.clientY - box.top) / box.height) * height)];
  };

  const save = (next: Stroke[]) => {
    onChange({ drawing: { width, height, strokes: next } });
    onCommit();
    const element = canvas.current;
    if (!element || !stored?.media_token) return;
    draw(element, next);
    element.toBlob((blob) => {
      if (blob) void uploadAnswerMedia(stored.media_token!, blob, 'whiteboard.png', () => undefined).catch(() => undefined);
    }, 'image/png');
  };

  return (
    <div className="whiteboard">
      <canvas
        ref={canvas}
        width={width}
        height={height}
        role="img"
        aria-label={t('whiteboard')}
        onPointerDown={(event) => {
          if (readOnly) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          current.current = [point(event)];
        }}
        onPointerMove={(event) => {
          if (!current.current || !canvas.current) return;
          current.current.push(point(event));
          draw(canvas.current, [...strokes, current.current]);
        }}
        onPointerUp={() => {
          if (current.current && current.current.length > 1) save([...strokes, current.current]);
          current.current = null;
        }}
      />
      <Button variant="secondary" disabled={readOnly || strokes.length === 0} onClick={() => save([])}>
        {t('clearDrawing')}
      </Button>
    </div>
  );
}
