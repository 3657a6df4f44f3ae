import { useMemo, useSyncExternalStore } from 'react';
import { apiClient, type ApiClient } from '../api/client';
import { useLanguage } from '../i18n/i18n';

/** The recruiter's session: its token and chosen workspace, kept in this tab (sessionStorage). */
export interface Session {
  token: string;
  workspaceId?: string;
  workspaceName?: string;
  userName?: string;
}

const storageKey = 'assay.session';
const changed = 'assay:session';

function read(): string | null {
  try {
    return sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  try {
    if (session) sessionStorage.setItem(storageKey, JSON.stringify(session));
    else sessionStorage.removeItem(storageKey);
  } catch {
    // Storage off: the session lasts for this page.
  }
  window.dispatchEvent(new Event(changed));
}

function subscribe(update: () => void): () => void {
  window.addEventListener(changed, update);
  window.addEventListener('storage', update);
  return () => {
    window.removeEventListener(changed, update);
    window.removeEventListener('storage', update);
  };
}

export function useSession(): Session | null {
  const raw = useSyncExternalStore(subscribe, read);
  return useMemo(() => (raw ? (JSON.parse(raw) as Session) : null), [raw]);
}

/** The API client of the signed-in recruiter: its Bearer token, workspace and language on every call. */
export function useApi(): ApiClient {
  const session = useSession();
  const { language } = useLanguage();
  return useMemo(
    () => apiClient({ language: () => language, headers: () => ({ authorization: session ? `Bearer ${session.token}` : undefined, 'x-workspace-id': session?.workspaceId }) }),
    [session, language],
  );
}

/** The message of an API error answer, or a generic one. */
export function errorText(error: unknown, fallback: string): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message;
  return fallback;
}
