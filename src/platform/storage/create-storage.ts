import type { Config } from '../config.js';
import { diskStorage } from './disk-storage.js';
import { s3Storage } from './s3-storage.js';
import type { FileStorage } from './storage.js';

export function createStorage(config: Config['storage']): FileStorage {
  if (config.driver === 's3') return s3Storage(config);
  return diskStorage(config.root);
}
