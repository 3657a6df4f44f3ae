import { useEffect, useState } from 'react';
import { useMessages } from '../i18n/i18n';
import { candidateMessages } from './messages';
import type { ServerClock } from './server-clock';

export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Seconds left until `endsAt` on the server's clock, ticking every second; calls `onTimeUp` once at zero. */
export function useRemaining(clock: ServerClock, endsAt: string | null, onTimeUp: () => void): number | null {
  const end = endsAt ? Date.parse(endsAt) : null;
  const [remaining, setRemaining] = useState(() => (end === null ? null : (end - clock.now()) / 1000));
  useEffect(() => {
    if (end === null) return;
    let fired = false;
    const tick = () => {
      const left = (end - clock.now()) / 1000;
      setRemaining(left);
      if (left <= 0 && !fired) {
        fired = true;
        onTimeUp();
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [clock, end, onTimeUp]);
  return remaining;
}

/** The countdown; screen readers hear it at 5 minutes and at 1 minute left, not every second. */
export function Countdown({ remaining }: { remaining: number }) {
  const t = useMessages(candidateMessages);
  const warn = remaining <= 300;
  const announce = remaining <= 60 ? 60 : remaining <= 300 ? 300 : null;
  return (
    <div className={`countdown${warn ? ' countdown-warn' : ''}`}>
      <span className="visually-hidden">{t('timeLeft')}: </span>
      <span role="timer" aria-live="off">
        {clockText(remaining)}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {announce ? t('timeLeftValue', { time: clockText(announce) }) : ''}
      </span>
    </div>
  );
}
