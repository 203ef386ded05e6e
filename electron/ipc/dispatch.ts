import { contract, isChannel, type Channel } from '../../shared/ipc';
import type { Reply, ReplyError } from '../../shared/reply';
import { SerializedValue } from '../../shared/wire';
import { knownReplyError } from './known-errors';
import { validateInSteps } from './validate-in-steps';
import type { HandlerTable } from './handlers';

/** Who sent a request: the URL of the frame, checked against the app's own pages. */
export interface Sender {
  url: string;
}

/** Options of the dispatcher. */
export interface DispatcherOptions {
  /** Whether a frame URL is one of the app's own pages. */
  isTrustedSender(url: string): boolean;
  /** Also validate outputs against the contract (tests turn this on; outputs come from our own code). */
  validateOutputs?: boolean;
  /** Where unexpected errors are reported. */
  log?(message: string, error: unknown): void;
}

/** Handles one request: channel name, untrusted payload and sender, answering a Reply. */
export type Dispatcher = (channel: string, payload: unknown, sender: Sender) => Promise<Reply<unknown>>;

/**
 * Builds the dispatcher: checks that the handler table covers the contract exactly, then for each
 * request checks the channel, the sender and the payload before any handler runs, and turns every
 * outcome into a Reply. Known errors keep their codes; anything else is INTERNAL and logged.
 */
export function createDispatcher(handlers: HandlerTable, options: DispatcherOptions): Dispatcher {
  const missing = Object.keys(contract).filter((c) => typeof (handlers as Record<string, unknown>)[c] !== 'function');
  const extra = Object.keys(handlers).filter((c) => !isChannel(c));
  if (missing.length || extra.length) {
    throw new Error(`Handler table does not match the IPC contract (missing: ${missing.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'}).`);
  }
  return async (channelName, payload, sender) => {
    const name = channelName.startsWith('zan:') ? channelName.slice(4) : channelName;
    if (!isChannel(name)) return fail('UNKNOWN_CHANNEL', `No channel "${channelName}".`);
    if (!options.isTrustedSender(sender.url)) return fail('FORBIDDEN_SENDER', `Requests from ${sender.url || 'an unknown frame'} are not accepted.`);
    const spec = contract[name];
    // Long arrays (a save's rows) are checked a step at a time, between other calls.
    const input = await validateInSteps(spec.input, payload);
    if (!input.ok) return fail('INVALID_PAYLOAD', `${name}: ${input.message}`);
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      const value = await handler(input.data);
      if (options.validateOutputs) {
        const output = spec.output.safeParse(value instanceof SerializedValue ? value.parse() : value);
        if (!output.success) throw new Error(`${name} answered outside its contract: ${output.error.issues[0]?.message}`);
      }
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toReplyError(name, error, options) };
    }
  };
}

function fail(code: ReplyError['code'], message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

function toReplyError(channel: Channel, error: unknown, options: DispatcherOptions): ReplyError {
  const known = knownReplyError(error);
  if (known) return known;
  options.log?.(`Unexpected error in ${channel}`, error);
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

