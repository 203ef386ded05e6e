import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './i18n';

/** The state of a load: still loading, failed with a translated message, or done. */
export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; value: T };

/** A load's state as kept: a failure keeps its error, not a message in the language of that moment. */
export type Held<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'done'; value: T };

/** A held state as views read it: the error said in the current interface language (again after a switch). */
export function useLoaded<T>(held: Held<T>): Loaded<T> {
  const { i18n } = useTranslation();
  return useMemo(() => (held.state === 'error' ? { state: 'error', message: errorMessage(held.error) } : held), [held, i18n.language]);
}

/** Runs a load when its dependencies change and ignores answers that arrive after they changed again. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [result, setResult] = useState<Held<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => current && setResult({ state: 'done', value }),
      (error: unknown) => current && setResult({ state: 'error', error }),
    );
    return () => {
      current = false;
    };
    // The caller lists what the load depends on, as with useEffect.
  }, deps);
  return useLoaded(result);
}
