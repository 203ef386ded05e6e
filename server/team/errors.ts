/** The codes a team request is refused with, and the HTTP status each answers. */
export const TEAM_ERROR_STATUS = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID: 400,
  STALE: 409,
  LEASED: 423,
  TOO_LARGE: 413,
  // The desktop speaks another version of the contract (shared/team/contract.ts TEAM_PROTOCOL).
  UPGRADE: 426,
  // The service cannot do it now (it lost PostgreSQL's announcements and is listening again): try later.
  UNAVAILABLE: 503,
} as const;

/** A refusal code. */
export type TeamErrorCode = keyof typeof TEAM_ERROR_STATUS;

/** A request the team service refuses, with a code the desktop acts on and a message in words. */
export class TeamError extends Error {
  constructor(
    readonly code: TeamErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}
