/**
 * The team database's schema, one numbered step per change, applied in order and never edited
 * once released (as the desktop's electron/store/migrations/). The last step's number is the
 * schema this build writes; a database at a later one is refused (migrate.ts).
 */
export const SERVER_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'team',
    sql: `
      CREATE TABLE team_user (
        id text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'drafter', 'reviewer', 'reader')),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE TABLE package (
        id text PRIMARY KEY,
        title text NOT NULL,
        published_by text NOT NULL REFERENCES team_user(id),
        published_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE package_member (
        package_id text NOT NULL REFERENCES package(id),
        user_id text NOT NULL REFERENCES team_user(id),
        PRIMARY KEY (package_id, user_id)
      );
      -- A draft of a package with the law's text it amends (the provisions in force, as published).
      CREATE TABLE draft (
        version_id text PRIMARY KEY,
        package_id text NOT NULL REFERENCES package(id),
        lang text NOT NULL,
        title text NOT NULL,
        base jsonb NOT NULL
      );
      -- Revisions are the server's: one sequence for every change, so a revision says when too.
      CREATE SEQUENCE revision_seq;
      -- One row per provision of a draft; row NULL: deleted (kept, so a late push on it is stale, not new).
      CREATE TABLE provision (
        version_id text NOT NULL REFERENCES draft(version_id),
        uid text NOT NULL,
        revision bigint NOT NULL,
        row jsonb,
        PRIMARY KEY (version_id, uid)
      );
      -- Each push decided, by the id its desktop gave it: a retried push gets the same answer, applied once.
      CREATE TABLE push (
        op_id text PRIMARY KEY,
        user_id text NOT NULL REFERENCES team_user(id),
        device text NOT NULL,
        version_id text NOT NULL,
        reply jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE lease (
        version_id text NOT NULL REFERENCES draft(version_id),
        uid text NOT NULL,
        user_id text NOT NULL REFERENCES team_user(id),
        device text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (version_id, uid)
      );
      -- Review decisions, each at the exact revision decided on; the last one stands.
      CREATE TABLE decision (
        seq bigserial PRIMARY KEY,
        package_id text NOT NULL REFERENCES package(id),
        version_id text NOT NULL REFERENCES draft(version_id),
        uid text NOT NULL,
        revision bigint NOT NULL,
        decision text NOT NULL CHECK (decision IN ('accept', 'reject', 'reset')),
        user_id text NOT NULL REFERENCES team_user(id),
        at timestamptz NOT NULL DEFAULT now()
      );
      -- Comments are appended only: an edit is a new version (supersedes), a deletion a tombstone.
      CREATE TABLE comment (
        id text PRIMARY KEY,
        package_id text NOT NULL REFERENCES package(id),
        uid text NOT NULL,
        parent_id text REFERENCES comment(id),
        supersedes text REFERENCES comment(id),
        text text NOT NULL,
        deleted boolean NOT NULL,
        user_id text NOT NULL REFERENCES team_user(id),
        at timestamptz NOT NULL DEFAULT now()
      );
      -- The authoritative log: who, from which device, on which revision, to which; chained by hash.
      CREATE TABLE audit_log (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        user_id text NOT NULL,
        device text NOT NULL,
        action text NOT NULL,
        package_id text,
        version_id text,
        uid text,
        base_revision bigint,
        new_revision bigint,
        detail jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
      );
      CREATE FUNCTION zan_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END;
      $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION zan_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION zan_append_only();
      CREATE TRIGGER comment_append_only BEFORE UPDATE OR DELETE ON comment FOR EACH ROW EXECUTE FUNCTION zan_append_only();
      CREATE TRIGGER comment_no_truncate BEFORE TRUNCATE ON comment FOR EACH STATEMENT EXECUTE FUNCTION zan_append_only();
      CREATE TRIGGER decision_append_only BEFORE UPDATE OR DELETE ON decision FOR EACH ROW EXECUTE FUNCTION zan_append_only();
    `,
  },
  {
    version: 2,
    name: 'draft-order',
    // A package's drafts in the order the publisher has them (its first is the one a member's desktop opens).
    sql: `ALTER TABLE draft ADD COLUMN ord integer NOT NULL DEFAULT 0;`,
  },
  {
    version: 3,
    name: 'provision-changed-by',
    // Who made each provision's current revision and when, so that every desktop signs a change
    // with the person who made it and the time they made it (not with whoever pulled it, when).
    // Filled from the log where it says, else the package's publisher and publication.
    sql: `
      ALTER TABLE provision ADD COLUMN changed_by text REFERENCES team_user(id);
      ALTER TABLE provision ADD COLUMN changed_at timestamptz;
      UPDATE provision p SET changed_by = a.user_id, changed_at = a.at FROM audit_log a
        WHERE a.version_id = p.version_id AND a.uid = p.uid AND a.new_revision = p.revision;
      UPDATE provision p SET changed_by = pk.published_by, changed_at = pk.published_at FROM draft d JOIN package pk ON pk.id = d.package_id
        WHERE d.version_id = p.version_id AND p.changed_by IS NULL;
      ALTER TABLE provision ALTER COLUMN changed_by SET NOT NULL;
      ALTER TABLE provision ALTER COLUMN changed_at SET NOT NULL;
      ALTER TABLE provision ALTER COLUMN changed_at SET DEFAULT now();
    `,
  },
  {
    version: 4,
    name: 'decision-stands-on',
    // The revision of the provision a decision stands on: the one decided on, or for a rejection
    // that restored the provision, the restoration's. A later change of the provision (the drafter
    // put the amendment back, or reworded it) lapses the decision: it was not made on that wording.
    // Filled for the decisions made before from the log (a restoration is logged from the revision
    // decided on). The decisions stay append-only: the trigger is off for this one filling only.
    sql: `
      ALTER TABLE decision ADD COLUMN stands_on bigint;
      ALTER TABLE decision DISABLE TRIGGER decision_append_only;
      UPDATE decision d SET stands_on = COALESCE(
        (SELECT max(a.new_revision) FROM audit_log a WHERE d.decision = 'reject' AND a.action = 'reject-restore' AND a.version_id = d.version_id AND a.uid = d.uid AND a.base_revision = d.revision),
        d.revision);
      ALTER TABLE decision ENABLE TRIGGER decision_append_only;
      ALTER TABLE decision ALTER COLUMN stands_on SET NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'draft-rebase',
    // A draft moved by its owner onto a later text in force of the law: the text it was on is kept
    // (append-only: what the draft amended before can always be shown), and the last move's
    // outcome — the provisions that wait for a drafter's choice included — is kept with the draft,
    // for every desktop that takes the move (or joins after it).
    sql: `
      ALTER TABLE draft ADD COLUMN rebased jsonb;
      CREATE TABLE draft_base_replaced (
        seq bigserial PRIMARY KEY,
        version_id text NOT NULL REFERENCES draft(version_id),
        base jsonb NOT NULL,
        replaced_by text NOT NULL REFERENCES team_user(id),
        replaced_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TRIGGER draft_base_replaced_append_only BEFORE UPDATE OR DELETE ON draft_base_replaced FOR EACH ROW EXECUTE FUNCTION zan_append_only();
    `,
  },
  {
    version: 6,
    name: 'pull-since',
    // A pull asks for a draft's provisions changed after a revision (each desktop, after every
    // colleague's save): found by the index, not by reading every provision of a code; and what
    // it says of the law the draft is on (base_head: the text's id, title, date) is kept beside
    // the law's rows, so that answering does not read megabytes of rows it will not send.
    sql: `
      CREATE INDEX provision_since ON provision (version_id, revision);
      ALTER TABLE draft ADD COLUMN base_head jsonb GENERATED ALWAYS AS (base - 'rows') STORED;
    `,
  },
];

/** The schema version this build writes. */
export const SERVER_SCHEMA_VERSION = SERVER_MIGRATIONS[SERVER_MIGRATIONS.length - 1]!.version;
