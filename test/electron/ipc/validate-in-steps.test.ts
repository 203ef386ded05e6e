import { describe, expect, it } from 'vitest';
import { validateInSteps } from '../../../electron/ipc/validate-in-steps';
import { contract } from '../../../shared/ipc';
import type { ProvisionRow } from '../../../shared/law';
import { turnsDuring } from '../turns';

const schema = contract.saveDraft.input;

function rows(count: number): ProvisionRow[] {
  return Array.from({ length: count }, (_, i) => ({ uid: `row${String(i).padStart(8, '0')}`, parentUid: 'parent001', ord: i, kind: 'paragraph', num: String(i + 1), heading: '', text: `Пункт ${i}.`, repealed: false, notes: [] }));
}

/** What the whole schema says at once, in the words the dispatcher reports. */
function atOnce(payload: unknown) {
  const result = schema.safeParse(payload);
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0]!;
  return { ok: false, message: `${issue.path.join('.') || 'payload'}: ${issue.message}` };
}

describe('validateInSteps: a save of tens of thousands of rows, validated between other calls', () => {
  it('gives what the whole schema gives for a valid payload, a step at a time', async () => {
    const payload = { versionId: 'version01', revision: 3, upserts: rows(9000), deletes: rows(5000).map((r) => r.uid) };
    let got: unknown;
    const turns = await turnsDuring(async () => (got = await validateInSteps(schema, payload)));
    expect(got).toEqual(atOnce(payload));
    // 9,000 + 5,000 items in steps of 2,000: the event loop turned between them.
    expect(turns).toBeGreaterThanOrEqual(5);
  });

  it('refuses as the whole schema does: a bad item deep in the array (named by its index), a bad field beside it, too many items, an extra key', async () => {
    const bad = rows(9000);
    bad[7123] = { ...bad[7123]!, text: 'Текст \uD800 конец' };
    const cases: unknown[] = [
      { versionId: 'version01', revision: 0, upserts: bad, deletes: [] },
      { versionId: 'version01', revision: -1, upserts: rows(9000), deletes: [] },
      { versionId: 'version01', revision: 0, upserts: rows(3000), deletes: [...rows(2500).map((r) => r.uid), 'NOT AN ID'] },
      { versionId: 'version01', revision: 0, upserts: rows(3000), deletes: [], extra: true },
      { versionId: 'version01', revision: 0, upserts: 'not rows', deletes: [] },
    ];
    for (const payload of cases) {
      const got = await validateInSteps(schema, payload);
      expect(got.ok).toBe(false);
      expect(got).toEqual(atOnce(payload));
    }
    expect(await validateInSteps(schema, cases[0])).toMatchObject({ message: expect.stringMatching(/^upserts\.7123\.text: /) });
  });

  it('refuses more items than the contract allows without reading them', async () => {
    const many = new Array(200_001).fill(null);
    expect(await validateInSteps(schema, { versionId: 'version01', revision: 0, upserts: many, deletes: [] })).toEqual({ ok: false, message: 'upserts: Too big: expected array to have <=200000 items' });
  });

  it('a payload without long arrays is validated at once, as before', async () => {
    const payload = { versionId: 'version01', revision: 0, upserts: rows(3), deletes: [] };
    expect(await validateInSteps(schema, payload)).toEqual(atOnce(payload));
    expect(await validateInSteps(contract.openVersion.input, { versionId: 'x' })).toEqual({ ok: false, message: 'versionId: not an id' });
  });
});
