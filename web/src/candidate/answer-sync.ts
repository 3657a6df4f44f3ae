import type { ApiClient } from '../api/client';
import { dropPending, pendingSaves, putPending, type PendingSave } from './local-store';
import type { ServerClock } from './server-clock';

export type SyncState = 'saved' | 'saving' | 'offline' | 'retrying';

export interface SyncEvents {
  /** The server holds this revision of the answer (or a newer one). */
  saved(questionId: string, revision: number, savedAt: string | null): void;
  /** The server took no more saves (time over, or the attempt finished): its word ends the attempt. */
  closed(code: string): void;
  state(state: SyncState, pending: number): void;
}

const debounceMs = 800;
const retryMs = [1_000, 2_000, 5_000, 10_000];

/**
 * Every edit of an answer is written at once to IndexedDB with a new client revision, and sent to the
 * server debounced (at once on blur, navigation and finish). Unsent saves survive a reload and a
 * network drop; they are sent in the order they were made when the network returns. Revisions grow
 * with the attempt's elapsed time on the server clock (tenths of a second since it started), and past
 * any revision seen, so a reload, a retry or a second tab never sends one that goes back: the server
 * keeps the highest and ignores older ones.
 */
export class AnswerSync {
  private readonly pending = new Map<string, PendingSave>();
  private readonly revisions = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private seq = 0;
  private flushing: Promise<void> | undefined;
  private again = false;
  private retry = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private offline = false;

  constructor(
    private readonly api: ApiClient,
    private readonly token: string,
    private readonly clock: ServerClock,
    private readonly startedAt: number,
    private readonly events: SyncEvents,
  ) {
    window.addEventListener('online', this.onOnline);
  }

  /** Loads the saves this browser still holds for the attempt; answers them by question. */
  async restore(serverRevisions: Map<string, number>): Promise<Map<string, PendingSave>> {
    for (const [questionId, revision] of serverRevisions) this.seen(questionId, revision);
    const kept = new Map<string, PendingSave>();
    for (const save of await pendingSaves(this.token)) {
      this.seq = Math.max(this.seq, save.seq);
      this.seen(save.questionId, save.revision);
      // Already on the server (sent before the reload, or by another tab): nothing to replay.
      if ((serverRevisions.get(save.questionId) ?? 0) >= save.revision) {
        void dropPending(save.key, save.revision);
        continue;
      }
      this.pending.set(save.questionId, save);
      kept.set(save.questionId, save);
    }
    this.report();
    if (this.pending.size > 0) void this.flush();
    return kept;
  }

  /** An edit: kept locally now, sent after a pause in typing. */
  update(questionId: string, response: Record<string, unknown>): void {
    if (this.stopped) return;
    const save: PendingSave = { key: `${this.token}|${questionId}`, token: this.token, questionId, response, revision: this.nextRevision(questionId), seq: ++this.seq };
    this.pending.set(questionId, save);
    void putPending(save);
    clearTimeout(this.timers.get(questionId));
    this.timers.set(questionId, setTimeout(() => void this.flush(), debounceMs));
    this.report();
  }

  /** Sends what is pending now (blur, navigation, finish); resolves once the server answered or the network failed. */
  async flush(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = this.send().finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
    if (this.again) {
      this.again = false;
      await this.flush();
    }
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    clearTimeout(this.retryTimer);
    for (const timer of this.timers.values()) clearTimeout(timer);
  }

  private readonly onOnline = () => {
    this.retry = 0;
    void this.flush();
  };

  private seen(questionId: string, revision: number): void {
    this.revisions.set(questionId, Math.max(this.revisions.get(questionId) ?? 0, revision));
  }

  private nextRevision(questionId: string): number {
    const elapsed = Math.floor((this.clock.now() - this.startedAt) / 100) + 1;
    const revision = Math.min(2_147_483_647, Math.max((this.revisions.get(questionId) ?? 0) + 1, elapsed));
    this.revisions.set(questionId, revision);
    return revision;
  }

  private report(): void {
    const state: SyncState = this.offline ? 'offline' : this.retryTimer ? 'retrying' : this.pending.size > 0 ? 'saving' : 'saved';
    this.events.state(state, this.pending.size);
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const delay = retryMs[Math.min(this.retry, retryMs.length - 1)];
    this.retry += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, delay);
  }

  private async send(): Promise<void> {
    const queue = [...this.pending.values()].sort((a, b) => a.seq - b.seq);
    for (const save of queue) {
      if (this.stopped) return;
      let outcome: Awaited<ReturnType<ApiClient['PUT']>> | undefined;
      try {
        outcome = await this.api.PUT('/candidate/attempts/{token}/answers/{questionId}', {
          params: { path: { token: this.token, questionId: save.questionId } },
          body: { response: save.response, revision: save.revision },
        });
      } catch {
        // No network: everything stays queued, in order, until it returns.
        this.offline = true;
        this.scheduleRetry();
        this.report();
        return;
      }
      this.offline = false;
      const { data, error, response } = outcome as { data?: { revision: number; saved_at: string | null }; error?: { code?: string }; response: Response };
      if (data) {
        this.seen(save.questionId, data.revision);
        if (this.pending.get(save.questionId)?.revision === save.revision) this.pending.delete(save.questionId);
        await dropPending(save.key, save.revision);
        this.events.saved(save.questionId, data.revision, data.saved_at);
        continue;
      }
      if (response.status === 409 || response.status === 404) {
        this.stopped = true;
        this.events.closed(error?.code ?? 'attempt_closed');
        this.report();
        return;
      }
      if (response.status === 400) {
        // The server refuses this response for good: keeping it would block every later save.
        this.pending.delete(save.questionId);
        await dropPending(save.key, save.revision);
        continue;
      }
      this.scheduleRetry();
      this.report();
      return;
    }
    this.retry = 0;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.report();
  }
}
