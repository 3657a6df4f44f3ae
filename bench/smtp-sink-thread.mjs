// The jobs bench's SMTP server, on a thread of its own so receiving does not compete with the sender's
// event loop: counts whole messages into a shared counter and answers its port.
import { parentPort, workerData } from 'node:worker_threads';
import process from 'node:process';
import { SMTPServer } from 'smtp-server';

const counter = new Int32Array(workerData.counter);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  // One recipient per message: the bench never sends more.
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      Atomics.add(counter, 0, 1);
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'close') server.close(() => process.exit(0));
});
