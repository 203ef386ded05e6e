import { describe, expect, it } from 'vitest';
import { cliArguments } from '../../../electron/shell/cli-mode';

describe('starting the app as the CLI', () => {
  it('takes --cli as the first argument of the packaged executable', () => {
    expect(cliArguments(['/opt/Zan Workbench/zan-workbench', '--cli', 'audit-check', '--db', 'a.sqlite'], false)).toEqual(['audit-check', '--db', 'a.sqlite']);
    expect(cliArguments(['/opt/Zan Workbench/zan-workbench', '--cli'], false)).toEqual([]);
  });

  it('takes it after the app folder when started as `electron .`', () => {
    expect(cliArguments(['/usr/bin/electron', '.', '--cli', 'check', 'ru.txt'], true)).toEqual(['check', 'ru.txt']);
    expect(cliArguments(['/usr/bin/electron', '--cli', 'check'], true)).toBeNull();
  });

  it('is a normal start otherwise, whatever comes later', () => {
    expect(cliArguments(['/opt/zan/zan-workbench'], false)).toBeNull();
    expect(cliArguments(['/opt/zan/zan-workbench', '--no-sandbox', '--cli', 'check'], false)).toBeNull();
    expect(cliArguments(['/opt/zan/zan-workbench', 'law.docx', '--cli'], false)).toBeNull();
    expect(cliArguments(['/opt/zan/zan-workbench', '--cli=check'], false)).toBeNull();
  });
});
