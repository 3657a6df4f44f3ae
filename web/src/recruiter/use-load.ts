import { useEffect, useEffectEvent, useState } from 'react';

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/** Loads once per change of `deps`; `reload` runs it again. An error answer is kept as `error`. */
export function useLoad<T>(load: () => Promise<{ data?: T; error?: unknown }>, deps: readonly unknown[]) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  // A change of deps counts as a new round, noted while rendering (React's "information from previous renders").
  const [seen, setSeen] = useState({ deps, version: 0 });
  if (!sameDeps(seen.deps, deps)) setSeen({ deps, version: seen.version + 1 });
  const run = useEffectEvent(load);
  useEffect(() => {
    let live = true;
    run().then(
      (result) => live && setState({ data: result.data, error: result.error, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [seen.version, round]);
  return { ...state, reload: () => setRound((n) => n + 1) };
}
