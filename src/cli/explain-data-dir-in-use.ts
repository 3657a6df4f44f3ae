import { DataDirInUseError } from '../platform/db/client.js';
import { CliError } from './command.js';

/** Runs `open`; a data dir held by another process becomes one line that says what to do. */
export async function explainDataDirInUse<T>(open: () => Promise<T>, advice: string): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (error instanceof DataDirInUseError) throw new CliError(`${error.message}: ${advice}`);
    throw error;
  }
}
