import { rowsToLaw, type ProvisionRow } from '../../../shared/law';
import type { PulledDraft, TeamPackageListed } from '../../../shared/team/contract';
import { record } from '../audit/log';
import { whenWritable, type ServiceContext } from '../context';
import { refreshAmendments } from '../amendments';
import { TeamUnreachable, type TeamApi } from './api';
import { signerOf } from './signer';
import { syncedFromServer } from './in-step';
import { recordMoveConflicts } from './move';

/** What joining the packages shared with this desktop's person did. */
export type JoinOutcome = { state: 'joined'; packages: string[] } | { state: 'offline' };

/**
 * Brings into this desktop's library the packages on the server its person is a member of and it
 * does not have yet (published by another desktop): each package with its drafts, each draft with
 * the law text it was made on as the publisher had it (their provision ids, which the drafts
 * follow), every provision recorded as in step at the server's revision. That law text is filed
 * under the same law here (by slug; a law this desktop lacks is added) and kept as the package's
 * (team_base, migration 014), so the library does not list the law twice. Its amendments are
 * signed with who made each change on the server. A package already here
 * (published from here, or joined before) is left alone. Each package in its own transaction.
 */
export async function joinFromTeam(ctx: ServiceContext, api: TeamApi): Promise<JoinOutcome> {
  let listed: TeamPackageListed[];
  const pulled = new Map<string, PulledDraft>();
  try {
    listed = (await api.packages()).filter((p) => !ctx.store.packages.get(p.id));
    for (const pkg of listed) for (const draft of pkg.drafts) pulled.set(draft.versionId, await api.pull(draft.versionId));
  } catch (error) {
    if (error instanceof TeamUnreachable) return { state: 'offline' };
    throw error;
  }
  const joined: string[] = [];
  for (const pkg of listed) {
    await whenWritable(ctx, () => ctx.store.transaction(() => {
      // Checked again under the writer: a join made meanwhile (another round) is not made twice.
      if (ctx.store.packages.get(pkg.id)) return;
      addJoinedPackage(ctx, api.url, pkg, pkg.drafts.map((d) => ({ listed: d, pulled: pulled.get(d.versionId)! })));
      joined.push(pkg.id);
    }));
  }
  return { state: 'joined', packages: joined };
}

function addJoinedPackage(ctx: ServiceContext, serverUrl: string, pkg: TeamPackageListed, drafts: { listed: TeamPackageListed['drafts'][number]; pulled: PulledDraft }[]): void {
  const { store } = ctx;
  const now = ctx.now();
  store.packages.insert({ id: pkg.id, title: pkg.title, status: 'draft', authors: [pkg.publishedBy], createdAt: now, updatedAt: now });
  store.team.link(pkg.id, serverUrl, now);
  for (const { listed, pulled } of drafts) {
    const expressionId = expressionFor(ctx, pulled, listed.lang);
    const base = pulled.base;
    if (!store.versions.get(base.versionId)) {
      if (!base.rows) throw new Error(`The team server sent draft ${listed.versionId} without the text of its law.`);
      store.versions.insert({ id: base.versionId, expressionId, status: 'in_force', inForceFrom: base.inForceFrom, packageId: null, baseVersionId: null, revision: 0, createdAt: now, updatedAt: now });
      store.provisions.apply(base.versionId, { upserts: base.rows, deletes: [] });
      store.team.addBase(base.versionId, pkg.id);
    }
    store.versions.insert({ id: listed.versionId, expressionId, status: 'draft', inForceFrom: null, packageId: pkg.id, baseVersionId: base.versionId, revision: 0, createdAt: now, updatedAt: now });
    const rows = pulled.provisions.flatMap((p) => (p.row ? [p.row as ProvisionRow] : []));
    store.provisions.apply(listed.versionId, { upserts: rows, deletes: [] });
    store.team.setSynced(listed.versionId, syncedFromServer(pulled.provisions));
    if (pulled.upTo !== undefined) store.team.setPulledTo(listed.versionId, pulled.upTo);
    // Derived now, so that each amendment is signed with who made it on the server (derived
    // later, every one would be signed with the package's publisher).
    refreshAmendments(ctx, listed.versionId, base.versionId, rowsToLaw(rows, listed.lang), now, now, { signedBy: signerOf(pulled.provisions) });
    // Moved onto a later text before this desktop joined: what still waits for a choice is asked here too.
    recordMoveConflicts(ctx, pkg.id, listed.versionId, pulled, now);
  }
  record(ctx, pkg.id, null, 'team-join', { title: pkg.title, publishedBy: pkg.publishedBy, drafts: drafts.map((d) => d.listed.versionId) });
}

/** The expression (law, language) a joined draft belongs to here: the law with the same slug, else one added from what the server says of it. */
function expressionFor(ctx: ServiceContext, pulled: PulledDraft, lang: 'ru' | 'kk' | 'en'): string {
  const { store } = ctx;
  const work = pulled.base.work;
  const slug = work?.slug ?? `team-${pulled.base.versionId.toLowerCase()}`;
  let workId = store.works.bySlug(slug)?.id;
  if (!workId) {
    workId = ctx.newId();
    store.works.insertWork({ id: workId, slug, kind: work?.kind ?? 'law', date: work?.date ?? null, number: work?.number ?? null, illustrative: false, modeledOn: null });
  }
  const existing = store.works.listExpressions().find((e) => e.workId === workId && e.lang === lang);
  if (existing) return existing.id;
  const expressionId = ctx.newId();
  store.works.insertExpression({ id: expressionId, workId, lang, title: pulled.base.title });
  return expressionId;
}
