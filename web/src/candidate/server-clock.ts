/**
 * The server's clock as seen from here: every answer carrying the server's `now` gives a sample,
 * offset = server now − the middle of the request's round trip; the sample with the shortest round
 * trip wins. Deadlines are counted on this clock, never on the browser's own.
 */
export class ServerClock {
  private offset = 0;
  private bestRoundTrip = Infinity;

  /** A sample: the server said `serverNow` to a request sent at `sentAt` and answered at `receivedAt` (local ms). */
  observe(serverNow: string, sentAt: number, receivedAt: number): void {
    const server = Date.parse(serverNow);
    if (Number.isNaN(server)) return;
    const roundTrip = receivedAt - sentAt;
    if (roundTrip > this.bestRoundTrip) return;
    this.bestRoundTrip = roundTrip;
    this.offset = server - (sentAt + receivedAt) / 2;
  }

  now(): number {
    return Date.now() + this.offset;
  }
}

/** Times a request that answers the server's `now` and feeds the clock. */
export async function timed<T extends { data?: { now?: string } }>(clock: ServerClock, request: () => Promise<T>): Promise<T> {
  const sentAt = Date.now();
  const result = await request();
  if (result.data?.now) clock.observe(result.data.now, sentAt, Date.now());
  return result;
}
