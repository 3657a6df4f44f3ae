import { useCallback, useEffect, useState } from 'react';

/** Loads once per change of `deps`; `reload` runs it again. An error answer is kept as `error`. */
export function useLoad<T>(load: () => Promise<{ data?: T; error?: unknown }>, deps: unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    run().then(
      (result) => live && setState({ data: result.data, error: result.error, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [run, round]);
  return { ...state, reload: () => setRound((n) => n + 1) };
}
