import { lawToJSON, rowsToLaw } from '../../shared/law';
import type { OpenedVersion } from '../../shared/ipc';
import { StoreError } from '../store/errors';
import type { ServiceContext } from './context';

/**
 * Opens a version: its metadata and its provision tree, rebuilt and validated from the rows.
 * Drafts of a package in status `draft` are editable; texts in force never are.
 */
export function openVersion({ store }: ServiceContext, versionId: string): OpenedVersion {
  const version = store.versions.get(versionId);
  if (!version) throw new StoreError('NOT_FOUND', `No version ${versionId}.`);
  const expression = store.works.getExpression(version.expressionId);
  if (!expression) throw new StoreError('NOT_FOUND', `No expression ${version.expressionId}.`);
  const work = store.works.listWorks().find((w) => w.id === expression.workId);
  const pkg = version.packageId ? store.packages.get(version.packageId) : undefined;
  const law = rowsToLaw(store.provisions.load(versionId), expression.lang);
  return {
    versionId: version.id,
    status: version.status,
    revision: version.revision,
    updatedAt: version.updatedAt,
    lang: expression.lang,
    title: expression.title,
    workSlug: work?.slug ?? '',
    inForceFrom: version.inForceFrom,
    packageId: version.packageId,
    packageTitle: pkg?.title ?? null,
    baseVersionId: version.baseVersionId,
    editable: version.status === 'draft' && pkg?.status === 'draft',
    law: lawToJSON(law),
  };
}
