import type { Migration } from './migration';

/**
 * The audit log sealed: an entry written from now on says how it was hashed (`format` 2: the hash
 * covers its sequence number too; 1 for the entries written before), which install key signed it
 * (`key_id`) and the signature (`mac`, an HMAC of its hash with a key kept outside the database,
 * electron/services/audit-signer.ts). An insert must take the next sequence number exactly, so an
 * `INSERT OR REPLACE` over an entry is refused by this trigger whatever `recursive_triggers` says,
 * and so is a gap in the numbering.
 */
export const auditSeal: Migration = {
  version: 12,
  name: 'audit-seal',
  sql: `
    ALTER TABLE audit_log ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE audit_log ADD COLUMN key_id TEXT;
    ALTER TABLE audit_log ADD COLUMN mac TEXT;
    CREATE TRIGGER audit_log_next_seq BEFORE INSERT ON audit_log
      WHEN NEW.seq IS NOT (SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log)
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: an entry takes the next number'); END;
  `,
};
