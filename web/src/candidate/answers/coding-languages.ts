import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../api/client';
import { candidateApi } from '../candidate-api';

type Language = ResponseOf<'listCodingLanguages'>['languages'][number];

let loading: Promise<Language[]> | undefined;

/** The judge's languages (names, editor ids), read once per page: the answer is cached a day. */
export function useCodingLanguages(): Language[] {
  const [languages, setLanguages] = useState<Language[]>([]);
  useEffect(() => {
    loading ??= candidateApi
      .GET('/assessments/questions/languages', { params: { query: { type: 'coding' } } })
      .then(({ data }) => {
        const all = data?.languages ?? [];
        // Judge0's newer ids of a language answer under its aliases.
        return all.flatMap((language) => [language, ...(language.aliases ?? []).map((id) => ({ ...language, id }))]);
      })
      .catch(() => []);
    let current = true;
    void loading.then((loaded) => current && setLanguages(loaded));
    return () => {
      current = false;
    };
  }, []);
  return languages;
}
