import { initial } from './001-initial';
import { amendments } from './002-amendments';
import { gaps } from './003-gaps';
import { review } from './004-review';
import { snapshots } from './005-snapshots';
import { amendmentRevisions } from './006-amendment-revisions';
import { rebaseConflicts } from './007-rebase-conflicts';
import { amendmentDerivation } from './008-amendment-derivation';
import { search } from './009-search';
import { reversibleChanges } from './010-reversible-changes';
import { parityMarks } from './011-parity-marks';
import { auditSeal } from './012-audit-seal';
import { team } from './013-team';
import { teamBases } from './014-team-bases';
import { teamComments } from './015-team-comments';
import { teamDecisions } from './016-team-decisions';
import { commentVersions } from './017-comment-versions';
import { teamPulled } from './018-team-pulled';
import { commentAuthorId } from './019-comment-author-id';
import type { Migration } from './migration';

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [initial, amendments, gaps, review, snapshots, amendmentRevisions, rebaseConflicts, amendmentDerivation, search, reversibleChanges, parityMarks, auditSeal, team, teamBases, teamComments, teamDecisions, commentVersions, teamPulled, commentAuthorId];

/** The schema version this build writes. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
