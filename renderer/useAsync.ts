import { useEffect, useState } from 'react';
import { errorMessage } from './i18n';

/** The state of a load: still loading, failed with a translated message, or done. */
export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; value: T };

/** Runs a load when its dependencies change and ignores answers that arrive after they changed again. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => current && setResult({ state: 'done', value }),
      (error: unknown) => current && setResult({ state: 'error', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
    // The caller lists what the load depends on, as with useEffect.
  }, deps);
  return result;
}
