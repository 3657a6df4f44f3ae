import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';

const TYPE_TXT = 16;
const CLASS_IN = 1;
const RCODE_NXDOMAIN = 3;
const RCODE_FORMERR = 1;

/**
 * A DNS server on 127.0.0.1 (UDP) that answers TXT queries from a table, for tests of domain
 * verification: point the app's resolver at `address` (config `dnsServers`). Names it does not know
 * answer NXDOMAIN; known names asked for another type answer NOERROR with no records.
 */
export class TestDnsServer {
  private records = new Map<string, string[]>();
  /** Every question received, as `<name> <type number>`. */
  readonly queries: string[] = [];

  private constructor(private socket: Socket, readonly address: string) {}

  static async start(): Promise<TestDnsServer> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    const server = new TestDnsServer(socket, `127.0.0.1:${socket.address().port}`);
    socket.on('message', (message, peer) => server.answer(message, peer));
    return server;
  }

  /** Publishes TXT records on a name (replacing what it had). */
  setTxt(name: string, values: string[]): void {
    this.records.set(name.toLowerCase(), values);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  private answer(message: Buffer, peer: RemoteInfo): void {
    const question = parseQuestion(message);
    if (!question) {
      this.socket.send(header(message, RCODE_FORMERR, 0, 0), peer.port, peer.address);
      return;
    }
    this.queries.push(`${question.name} ${question.type}`);
    const values = this.records.get(question.name.toLowerCase());
    const answers = values && question.type === TYPE_TXT ? values.map(txtRecord) : [];
    const reply = Buffer.concat([header(message, values ? 0 : RCODE_NXDOMAIN, 1, answers.length), question.bytes, ...answers]);
    this.socket.send(reply, peer.port, peer.address);
  }
}

/** The first question: its name, type, and its bytes (echoed in the reply). */
function parseQuestion(message: Buffer): { name: string; type: number; bytes: Buffer } | undefined {
  if (message.length < 12 || message.readUInt16BE(4) < 1) return undefined;
  const labels: string[] = [];
  let offset = 12;
  while (offset < message.length && message[offset] !== 0) {
    const length = message[offset];
    if (length > 63) return undefined;
    labels.push(message.subarray(offset + 1, offset + 1 + length).toString('latin1'));
    offset += 1 + length;
  }
  const end = offset + 5;
  if (end > message.length) return undefined;
  return { name: labels.join('.'), type: message.readUInt16BE(offset + 1), bytes: message.subarray(12, end) };
}

/** A response header for the query: same id and RD bit, authoritative, recursion available. */
function header(query: Buffer, rcode: number, questions: number, answers: number): Buffer {
  const out = Buffer.alloc(12);
  out.writeUInt16BE(query.length >= 2 ? query.readUInt16BE(0) : 0, 0);
  const rd = query.length >= 3 ? query[2] & 0x01 : 0;
  out.writeUInt16BE(0x8000 | 0x0400 | (rd << 8) | 0x0080 | rcode, 2);
  out.writeUInt16BE(questions, 4);
  out.writeUInt16BE(answers, 6);
  return out;
}

/** A TXT answer for the question's name (compression pointer to offset 12), in 255-byte strings. */
function txtRecord(value: string): Buffer {
  const text = Buffer.from(value, 'utf8');
  const strings: Buffer[] = [];
  for (let i = 0; i === 0 || i < text.length; i += 255) {
    const chunk = text.subarray(i, i + 255);
    strings.push(Buffer.from([chunk.length]), chunk);
  }
  const data = Buffer.concat(strings);
  const fixed = Buffer.alloc(12);
  fixed.writeUInt16BE(0xc00c, 0);
  fixed.writeUInt16BE(TYPE_TXT, 2);
  fixed.writeUInt16BE(CLASS_IN, 4);
  fixed.writeUInt32BE(60, 6);
  fixed.writeUInt16BE(data.length, 10);
  return Buffer.concat([fixed, data]);
}
