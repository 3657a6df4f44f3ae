/** A save not yet acknowledged by the server, kept in IndexedDB until it is. */
export interface PendingSave {
  /** `<token>|<questionId>`: one pending save per answer, the newest. */
  key: string;
  token: string;
  questionId: string;
  response: Record<string, unknown>;
  revision: number;
  /** Order of the saves, replayed in it. */
  seq: number;
}

const dbName = 'assay-candidate';
const store = 'pending';

let opening: Promise<IDBDatabase | undefined> | undefined;

/** The database, or undefined where IndexedDB is unavailable (the saves then live in memory only). */
function database(): Promise<IDBDatabase | undefined> {
  opening ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(store, { keyPath: 'key' }).createIndex('token', 'token');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
  return opening;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export async function pendingSaves(token: string): Promise<PendingSave[]> {
  const db = await database();
  if (!db) return [];
  const rows = await done(db.transaction(store).objectStore(store).index('token').getAll(token) as IDBRequest<PendingSave[]>);
  return rows.sort((a, b) => a.seq - b.seq);
}

export async function putPending(save: PendingSave): Promise<void> {
  const db = await database();
  if (db) await done(db.transaction(store, 'readwrite').objectStore(store).put(save));
}

/** Drops the pending save of an answer once the server holds that revision (or a newer one); a newer local edit stays. */
export async function dropPending(key: string, revision: number): Promise<void> {
  const db = await database();
  if (!db) return;
  const transaction = db.transaction(store, 'readwrite');
  const objects = transaction.objectStore(store);
  const current = (await done(objects.get(key))) as PendingSave | undefined;
  if (current && current.revision <= revision) await done(objects.delete(key));
}
