// Entry of the bench's HTTP client thread: registers tsx in the thread, then loads the TypeScript client.
import { register } from 'tsx/esm/api';

register();
await import('./http-client.ts');
