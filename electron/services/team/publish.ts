import { diffRows, type ProvisionRow } from '../../../shared/law';
import { momentSchema, type PublishRequest, type PulledDraft } from '../../../shared/team/contract';
import { StoreError } from '../../store/errors';
import { record } from '../audit/log';
import { whenWritable, type ReadContext, type ServiceContext } from '../context';
import { TeamRefused, type TeamApi } from './api';
import { queueTeamChanges } from './outbox';
import { syncedFromServer } from './in-step';
import { queuePackageComments } from './comments';

/** What publishing a package sends: each draft with the law it amends and its rows as they stand. */
export function publishRequest(ctx: ReadContext, packageId: string, members: readonly string[] = []): PublishRequest {
  const { store } = ctx;
  const pkg = store.packages.get(packageId);
  if (!pkg) throw new StoreError('NOT_FOUND', `No package ${packageId}.`, 'package.notFound', { packageId });
  const drafts = store.versions.listByPackage(packageId).map((draft) => {
    const expression = store.works.getExpression(draft.expressionId)!;
    const base = store.versions.get(draft.baseVersionId!)!;
    return {
      versionId: draft.id,
      lang: expression.lang,
      title: expression.title,
      base: publishedBase(ctx, draft.expressionId, { versionId: base.id, inForceFrom: base.inForceFrom, rows: store.provisions.load(base.id) }),
      rows: store.provisions.load(draft.id),
      // When the changes already in the draft were made, as its amendments are signed here.
      madeAt: Object.fromEntries([...store.amendments.revisions(draft.id)].flatMap(([uid, r]) => (momentSchema.safeParse(r.changedAt).success ? [[uid, r.changedAt]] : []))),
    };
  });
  return { packageId, title: pkg.title, drafts, members: [...members] };
}

/** A law's text as it goes up to the server (the text a draft is on): its rows, with the title and the law it is of (matched by slug on the desktops that take it). */
export function publishedBase(ctx: ReadContext, expressionId: string, text: { versionId: string; inForceFrom: string | null; rows: ProvisionRow[] }): PublishedBase {
  const expression = ctx.store.works.getExpression(expressionId)!;
  const work = ctx.store.works.getWork(expression.workId)!;
  return { ...text, title: expression.title, work: { slug: work.slug, kind: work.kind, date: work.date, number: work.number } };
}

/** A law's text as published with a draft. */
export type PublishedBase = PublishRequest['drafts'][number]['base'];

/**
 * Publishes a package to a team server: its drafts go up, and every provision is recorded here
 * as in step with the server at the revision the server gave it; from then on every save of the
 * package's drafts goes into the outbox (outbox.ts). Refused when the package is linked already.
 */
export async function publishToTeam(ctx: ServiceContext, api: TeamApi, packageId: string, members: readonly string[] = []): Promise<{ provisions: number }> {
  if (ctx.store.team.linkOf(packageId)) throw new StoreError('INVALID_INPUT', 'This package is on a team server already.', 'team.alreadyLinked');
  const request = publishRequest(ctx, packageId, members);
  let revisions: Record<string, Record<string, number>>;
  try {
    ({ revisions } = await api.publish(request));
  } catch (error) {
    const detail = error instanceof TeamRefused ? error.detail : {};
    if (!detail['alreadyPublished'] || !detail['yours']) throw error;
    if (detail['changedByOthers']) throw new StoreError('CONFLICT', 'This package went up to the team server before and others have changed it there since: it cannot be published again from here.', 'team.publishedChanged');
    return adoptPublished(ctx, api, request);
  }
  let provisions = 0;
  await whenWritable(ctx, () => ctx.store.transaction(() => {
    ctx.store.team.link(packageId, api.url, ctx.now());
    for (const draft of request.drafts) {
      const given = revisions[draft.versionId] ?? {};
      ctx.store.team.setSynced(draft.versionId, draft.rows.map((row) => ({ uid: row.uid, revision: given[row.uid]!, row })));
      // Nobody else had the draft before it went up: pulls ask from its highest revision.
      if (draft.rows.length > 0) ctx.store.team.setPulledTo(draft.versionId, draft.rows.reduce((top, row) => Math.max(top, given[row.uid]!), 0));
      provisions += draft.rows.length;
      // Saved while the package went up: those changes are the outbox's first.
      const since = diffRows(draft.rows, ctx.store.provisions.load(draft.versionId));
      queueTeamChanges(ctx, packageId, draft.versionId, since);
    }
    const comments = queuePackageComments(ctx, packageId);
    record(ctx, packageId, null, 'team-publish', { server: api.url, provisions, comments });
  }));
  return { provisions };
}

/**
 * Takes up a publication the server has and this desktop lost the record of (the server took the
 * package, then the transaction here failed — a full disk, the app stopped): nobody else has
 * changed it since (the server said so), so its rows are this desktop's as published. They are
 * recorded as in step at the server's revisions, and what was saved here since goes into the
 * outbox on them, as after a publication.
 */
async function adoptPublished(ctx: ServiceContext, api: TeamApi, request: PublishRequest): Promise<{ provisions: number }> {
  const pulled = new Map<string, PulledDraft>();
  for (const draft of request.drafts) pulled.set(draft.versionId, await api.pull(draft.versionId));
  let provisions = 0;
  await whenWritable(ctx, () => ctx.store.transaction(() => {
    ctx.store.team.link(request.packageId, api.url, ctx.now());
    for (const draft of request.drafts) {
      const server = pulled.get(draft.versionId)!.provisions;
      ctx.store.team.setSynced(draft.versionId, syncedFromServer(server));
      const upTo = pulled.get(draft.versionId)!.upTo;
      if (upTo !== undefined) ctx.store.team.setPulledTo(draft.versionId, upTo);
      provisions += server.length;
      const rows = server.flatMap((p) => (p.row ? [p.row as ProvisionRow] : []));
      queueTeamChanges(ctx, request.packageId, draft.versionId, diffRows(rows, ctx.store.provisions.load(draft.versionId)));
    }
    record(ctx, request.packageId, null, 'team-publish', { server: api.url, provisions, takenUp: true });
  }));
  return { provisions };
}

