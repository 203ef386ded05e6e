import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../renderer/i18n';
import { failure, phrase, say } from '../../renderer/i18n/phrase';
import { ZanError } from '../../shared/reply';

describe('phrases follow a change of interface language', () => {
  beforeAll(async () => {
    await initI18n();
  });

  const kept = [
    ['a status', phrase('gaps.ready'), { ru: 'Проект передан на рассмотрение.', kk: 'Жоба қарауға жіберілді.', en: 'The package is ready for review.' }],
    ['a nested kind', phrase('editor.cannotInsert', { kind: phrase('kind.chapter') }), { ru: 'Здесь нельзя добавить: глава.', kk: 'Мұнда қосуға болмайды: тарау.', en: 'A chapter cannot be added here.' }],
    ['an error', failure(new ZanError('INVALID_INPUT', 'A snapshot needs a name.', 'snapshot.needsName')), { ru: 'У снимка должно быть название.', kk: 'Көшірменің атауы болуы керек.', en: 'A snapshot needs a name.' }],
  ] as const;

  it.each(kept)('%s is said again in the new language', async (_what, p, expected) => {
    for (const lang of ['ru', 'kk', 'en'] as const) {
      await i18next.changeLanguage(lang);
      expect(say(p)).toBe(expected[lang]);
    }
  });
});
