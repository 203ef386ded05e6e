import { describe, expect, it } from 'vitest';
import { requirePostgresVersion, TeamDatabaseRefused } from '../../server/db/migrate';

describe('the PostgreSQL the team service runs on', () => {
  it('is 15 or later: 14 and 13 are refused saying which they are, 15 and 16 taken', () => {
    expect(() => requirePostgresVersion(140011)).toThrow(TeamDatabaseRefused);
    expect(() => requirePostgresVersion(140011)).toThrow(/version 14; the team service needs 15 or later/);
    expect(() => requirePostgresVersion(130015)).toThrow(/version 13;/);
    expect(() => requirePostgresVersion(150000)).not.toThrow();
    expect(() => requirePostgresVersion(150004)).not.toThrow();
    expect(() => requirePostgresVersion(160002)).not.toThrow();
  });
});
