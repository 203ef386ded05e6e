import type { ServiceContext } from '../context';
import { headFileOf, readHead } from './head';
import type { AuditSigner } from './signer';
import { verifyAuditLog, type AuditCheck } from './verify';

/**
 * Checks the log of the context's database with its own key (and any other keys given: the CLI's
 * key file, an earlier install's) and the head file beside the database.
 */
export function verifyAudit(ctx: ServiceContext, otherKeys: readonly AuditSigner[] = ctx.verifyKeys ?? []): AuditCheck {
  const keys = [...(ctx.signer ? [ctx.signer] : []), ...otherKeys.filter((k) => k.keyId !== ctx.signer?.keyId)];
  const file = ctx.store.db.memory ? null : ctx.store.db.name;
  return verifyAuditLog(ctx.store, { keys, head: file ? readHead(headFileOf(file)) : { kind: 'missing' } });
}
