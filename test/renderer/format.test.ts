import { describe, expect, it } from 'vitest';
import { formatDate, formatDateOf, formatMoment } from '../../renderer/format';

describe('dates in the interface language', () => {
  it.each([
    ['kk', '2024-07-01', '2024 жылғы 1 шілде', '2024 жылғы 1 шілдедегі'],
    ['kk', '2017-12-27', '2017 жылғы 27 желтоқсан', '2017 жылғы 27 желтоқсандағы'],
    ['kk', '2015-10-29', '2015 жылғы 29 қазан', '2015 жылғы 29 қазандағы'],
    ['kk', '2023-09-05', '2023 жылғы 5 қыркүйек', '2023 жылғы 5 қыркүйектегі'],
    ['ru', '2024-07-01', '1 июля 2024 г.', '1 июля 2024 г.'],
    ['en', '2024-07-01', '1 July 2024', '1 July 2024'],
  ])('%s: %s is "%s", cited "%s"', (lang, date, written, cited) => {
    expect(formatDate(date, lang)).toBe(written);
    expect(formatDateOf(date, lang)).toBe(cited);
  });

  it('writes a Kazakh moment with its hour and minute', () => {
    const at = new Date(2026, 11, 1, 9, 5);
    expect(formatMoment(at.toISOString(), 'kk')).toBe('2026 жылғы 1 желтоқсан, 09:05');
  });

  it.each(['kk', 'ru', 'en'])('%s: keeps what is not a date as it is', (lang) => {
    expect(formatDate('someday', lang)).toBe('someday');
    expect(formatDate(null, lang)).toBe('');
  });
});
