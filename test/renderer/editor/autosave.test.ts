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
  const delays: number[] = [];
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
    setTimer: (fn, ms) => {
      delays.push(ms);
      return (pending = fn);
    },
    clearTimer: () => (pending = null),
  });
  return {
    autosave,
    sent,
    statuses,
    delays,
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

  it('a full disk or a read-only file: sent again by itself, at growing intervals, until it passes', async () => {
    const full = { ok: false as const, error: { code: 'DISK_FULL' as const, message: 'The disk is full' } };
    const s = setup([full, full, { ok: false, error: { code: 'READ_ONLY', message: 'read-only' } }]);
    // Only the timer drives it here: no edit, no Ctrl+S.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    s.edit('важная правка.');
    s.fireTimer();
    await settle();
    expect(s.statuses.at(-1)).toBe('error');
    for (let i = 0; i < 3; i++) {
      s.fireTimer();
      await settle();
    }
    expect(s.sent.map((x) => x.upserts[0]?.text)).toEqual(Array(4).fill('важная правка.'));
    expect(s.sent.every((x) => x.revision === 3)).toBe(true);
    // The quiet time after the edit, then 2 s, 4 s, 8 s between the retries.
    expect(s.delays).toEqual([800, 2000, 4000, 8000]);
    expect(s.statuses.at(-1)).toBe('saved');
    expect(s.autosave.hasUnsavedChanges).toBe(false);
  });

  it('other failures wait for the next edit or Ctrl+S (no loop against a refusal)', async () => {
    const s = setup([{ ok: false, error: { code: 'INVALID_LAW', message: 'no' } }]);
    s.edit('правка.');
    s.fireTimer();
    await s.autosave.flush();
    expect(s.delays).toEqual([800]);
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
