import type { Channel, InputOf, OutputOf } from '../shared/ipc';
import { unwrap, type Reply } from '../shared/reply';

/**
 * Calls the main process through the bridge and returns the value, or throws a ZanError that keeps
 * the reply's error code (views turn codes into translated messages with errorMessage()).
 */
export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  // Indexing a mapped type by a generic key loses the link between input and output; restore it.
  const method = window.zan[channel] as unknown as (input: InputOf<C>) => Promise<Reply<OutputOf<C>>>;
  return unwrap(await method(input));
}
