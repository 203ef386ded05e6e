import { describe, expect, it } from 'vitest';
import { lawToRows, parseLaw, type ProvisionRow } from '../../../shared/law';
import type { Reply } from '../../../shared/reply';
import { Autosave, type SaveStatus } from '../../../renderer/editor/autosave';
import { countingUids } from '../../shared/law/helpers';

const ROWS = lawToRows(parseLaw('Статья 1. А\n1. один.\n2. два.\n', { makeUid: countingUids() }));

/** An autosave with a manual timer and a scripted server. */
function setup(replies: Reply<{ revision: number; savedAt: string }>[]) {
  let current: ProvisionRow[] = ROWS;
  const sent: { revision: number; upserts: ProvisionRow[]; deletes: string[] }[] = [];
  const statuses: SaveStatus['kind'][] = [];
  let pending: (() => void) | null = null;
  const autosave = new Autosave({
    versionId: 'v0000000001',
    revision: 3,
    savedRows: ROWS,
    currentRows: () => current,
    send: async (input) => {
      sent.push(input);
      return replies.shift() ?? { ok: true, value: { revision: input.revision + 1, savedAt: '2026-01-01T00:00:00Z' } };
    },
    onStatus: (s) => statuses.push(s.kind),
    setTimer: (fn) => (pending = fn),
    clearTimer: () => (pending = null),
  });
  return {
    autosave,
    sent,
    statuses,
    edit(text: string) {
      current = current.map((r) => (r.num === '1' && r.kind === 'paragraph' ? { ...r, text } : r));
      autosave.markDirty();
    },
    fireTimer: () => pending?.(),
  };
}

describe('autosave', () => {
  it('sends only the changed row, on the revision it was made on', async () => {
    const s = setup([]);
    s.edit('один изменён.');
    expect(s.statuses).toEqual(['unsaved']);
    await s.autosave.flush();
    expect(s.sent).toHaveLength(1);
    expect(s.sent[0]?.revision).toBe(3);
    expect(s.sent[0]?.upserts.map((r) => r.text)).toEqual(['один изменён.']);
    expect(s.statuses.at(-1)).toBe('saved');
    s.edit('ещё раз.');
    await s.autosave.flush();
    expect(s.sent[1]?.revision).toBe(4);
  });

  it('waits for the quiet time and then saves once for many edits', async () => {
    const s = setup([]);
    s.edit('а');
    s.edit('аб');
    s.edit('абв');
    expect(s.sent).toHaveLength(0);
    s.fireTimer();
    await s.autosave.flush();
    expect(s.sent).toHaveLength(1);
    expect(s.sent[0]?.upserts[0]?.text).toBe('абв');
  });

  it('keeps changes pending after a failed save, and sends them again', async () => {
    const s = setup([{ ok: false, error: { code: 'INTERNAL', message: 'disk full' } }]);
    s.edit('важная правка.');
    await s.autosave.flush();
    expect(s.statuses.at(-1)).toBe('error');
    expect(s.autosave.hasUnsavedChanges).toBe(true);
    await s.autosave.flush();
    expect(s.sent.map((x) => x.upserts[0]?.text)).toEqual(['важная правка.', 'важная правка.']);
    expect(s.sent[1]?.revision).toBe(3);
    expect(s.statuses.at(-1)).toBe('saved');
  });

  it('stops on a conflict instead of overwriting the other save', async () => {
    const s = setup([{ ok: false, error: { code: 'CONFLICT', message: 'moved on' } }]);
    s.edit('моя правка.');
    await s.autosave.flush();
    expect(s.statuses.at(-1)).toBe('conflict');
    s.edit('ещё.');
    await s.autosave.flush();
    expect(s.sent).toHaveLength(1);
  });

  it('sends nothing when the text is back to what was saved', async () => {
    const s = setup([]);
    s.edit('один.');
    await s.autosave.flush();
    expect(s.sent).toHaveLength(0);
    expect(s.statuses.at(-1)).toBe('saved');
  });
});
