// Entry of the hiring-event bench's load thread: registers tsx in the thread, then loads the TypeScript client.
import { register } from 'tsx/esm/api';

register();
await import('./hiring-client.ts');
