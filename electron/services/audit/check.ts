import type { ReadContext } from '../context';
import { headFileOf, readHead } from './head';
import type { AuditSigner } from './signer';
import { verifyAuditLog, type AuditCheck } from './verify';

/**
 * Checks the log of the context's database with its own key and the other keys it knows (the
 * command line's key file), taken to be all the keys that signed it, and the head file beside the
 * database. `options.found`: keys found rather than given (the command line without --key), with
 * which entries of other keys are left unchecked rather than taken for forged.
 */
export function verifyAudit(ctx: ReadContext, otherKeys: readonly AuditSigner[] = ctx.verifyKeys ?? [], options: { found?: readonly AuditSigner[] } = {}): AuditCheck {
  const given = [...(ctx.signer ? [ctx.signer] : []), ...otherKeys];
  const complete = given.length > 0;
  const keys = [...given, ...(options.found ?? [])].filter((k, i, all) => all.findIndex((o) => o.keyId === k.keyId) === i);
  const file = ctx.store.file;
  return verifyAuditLog(ctx.store, { keys, complete, head: file ? readHead(headFileOf(file)) : { kind: 'missing' } });
}
