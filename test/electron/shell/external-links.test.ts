import { describe, expect, it } from 'vitest';
import { allowedExternalUrl, EXTERNAL_HOSTS, externalLinkOpener } from '../../../electron/shell/external-links';
import { dialogLang, linkDialogOptions, OPEN_BUTTON } from '../../../electron/shell/link-dialog';
import { opensExternally } from '../../../electron/window-policy';

describe('the external-link allowlist', () => {
  it('lets https links to the legal portals through, normalised', () => {
    expect(EXTERNAL_HOSTS).toEqual(['adilet.zan.kz', 'zan.kz', 'legalacts.egov.kz']);
    expect(allowedExternalUrl('https://adilet.zan.kz/rus/docs/Z2400000103')).toBe('https://adilet.zan.kz/rus/docs/Z2400000103');
    expect(allowedExternalUrl('https://ADILET.zan.kz:443/kaz/docs/K1700000120#z5')).toBe('https://adilet.zan.kz/kaz/docs/K1700000120#z5');
    expect(allowedExternalUrl('https://zan.kz/')).toBe('https://zan.kz/');
    expect(allowedExternalUrl('https://legalacts.egov.kz/npa/view?id=1')).toBe('https://legalacts.egov.kz/npa/view?id=1');
    expect(opensExternally('https://adilet.zan.kz/rus')).toBe(true);
  });

  it('refuses other schemes, hosts, look-alikes, credentials and ports', () => {
    for (const url of [
      'http://adilet.zan.kz/rus/docs/Z2400000103',
      'https://attacker.example/',
      'https://adilet.zan.kz.attacker.example/',
      'https://www.adilet.zan.kz/',
      'https://attacker.example/?u=https://adilet.zan.kz/',
      'https://adilet.zan.kz@attacker.example/',
      'https://user@adilet.zan.kz/',
      'https://adilet.zan.kz:8443/',
      // Cyrillic а in "аdilet": another host (xn--…).
      'https://аdilet.zan.kz/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'zan.kz',
      '',
    ]) {
      expect(allowedExternalUrl(url), url).toBeNull();
      expect(opensExternally(url), url).toBe(false);
    }
  });
});

/** An opener whose dialog answers as told, recording what it was asked and what it opened. */
function opener(answer: (url: string) => Promise<boolean>) {
  const asked: string[] = [];
  const opened: string[] = [];
  const logged: string[] = [];
  const open = externalLinkOpener({
    confirm: (url) => {
      asked.push(url);
      return answer(url);
    },
    open: async (url) => void opened.push(url),
    log: (message) => void logged.push(message),
  });
  return { open, asked, opened, logged };
}

describe('opening a link outside the app', () => {
  it('asks first, showing the URL that will open, and opens only on yes', async () => {
    const yes = opener(async () => true);
    expect(await yes.open('https://ADILET.zan.kz/rus')).toBe('opened');
    expect(yes.asked).toEqual(['https://adilet.zan.kz/rus']);
    expect(yes.opened).toEqual(['https://adilet.zan.kz/rus']);
    const no = opener(async () => false);
    expect(await no.open('https://adilet.zan.kz/rus')).toBe('declined');
    expect(no.opened).toEqual([]);
  });

  it('refuses and logs anything off the list without asking', async () => {
    const o = opener(async () => true);
    expect(await o.open('https://attacker.example/')).toBe('refused');
    expect(await o.open('file:///etc/passwd')).toBe('refused');
    expect(o.asked).toEqual([]);
    expect(o.opened).toEqual([]);
    expect(o.logged).toHaveLength(2);
    expect(o.logged[0]).toContain('https://attacker.example/');
  });

  it('asks one question at a time: links asked for meanwhile are refused, not queued', async () => {
    let release: (yes: boolean) => void = () => undefined;
    const o = opener(() => new Promise<boolean>((resolve) => (release = resolve)));
    const first = o.open('https://adilet.zan.kz/1');
    expect(await o.open('https://adilet.zan.kz/2')).toBe('refused');
    release(true);
    expect(await first).toBe('opened');
    expect(o.opened).toEqual(['https://adilet.zan.kz/1']);
    // Once answered, the next link is asked about again.
    const third = o.open('https://adilet.zan.kz/3');
    release(false);
    expect(await third).toBe('declined');
  });

  it('opens nothing when the dialog fails, and asks again about the next link', async () => {
    let fails = true;
    const o = opener(async () => {
      if (fails) throw new Error('no display');
      return true;
    });
    await expect(o.open('https://adilet.zan.kz/1')).rejects.toThrow('no display');
    expect(o.opened).toEqual([]);
    fails = false;
    expect(await o.open('https://adilet.zan.kz/2')).toBe('opened');
    expect(o.opened).toEqual(['https://adilet.zan.kz/2']);
  });
});

describe('the confirmation dialog', () => {
  it('speaks the system language among the three, Russian otherwise', () => {
    expect(dialogLang('kk')).toBe('kk');
    expect(dialogLang('kk-KZ')).toBe('kk');
    expect(dialogLang('en-GB')).toBe('en');
    expect(dialogLang('ru-RU')).toBe('ru');
    expect(dialogLang('de-DE')).toBe('ru');
  });

  it('shows the whole URL and defaults to Cancel', () => {
    const url = 'https://adilet.zan.kz/rus/docs/Z2400000103';
    const ru = linkDialogOptions(url, 'ru');
    expect(ru).toMatchObject({ type: 'question', detail: url, buttons: ['Открыть', 'Отмена'], defaultId: 1, cancelId: 1, noLink: true });
    expect(ru.buttons[OPEN_BUTTON]).toBe('Открыть');
    expect(linkDialogOptions(url, 'kk-KZ').buttons).toEqual(['Ашу', 'Бас тарту']);
    expect(linkDialogOptions(url, 'en-US')).toMatchObject({ message: 'Open this link in your browser?', buttons: ['Open', 'Cancel'] });
  });
});
