/** One step of the schema: applied once, in order, inside the transaction that raises user_version. */
export interface Migration {
  /** The user_version the database has after this step. */
  version: number;
  /** A short name for logs. */
  name: string;
  /** The statements of the step. */
  sql: string;
}
