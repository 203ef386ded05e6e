import { describe, expect, it } from 'vitest';
import { modificationsToOperations, type AknModification } from '../../../shared/akn';
import { applyOperations } from '../../../shared/instructions';
import { parseLaw, printLaw } from '../../../shared/law';

const BASE = parseLaw('Статья 1. Понятия\nВ настоящем Законе используются понятия:\n1) вуз - организация образования;\n2) партнер - организация.\n\nСтатья 2. Советы\n1. Советы создаются.\n2. Советы отчитываются.\n');

const mod = (type: string, destination: string, old: string | null = null, fresh: string | null = null): AknModification => ({ type, destination, old, new: fresh, text: `${type} ${destination}` });

describe('Akoma Ntoso modifications on a law', () => {
  it('refuses to repeal or renumber an article\'s own text, which would fall on the article', () => {
    const { operations, problems } = modificationsToOperations([mod('repeal', '#art_1__intro'), mod('renumbering', '#art_1__intro', null, '2')], BASE);
    expect(operations).toEqual([]);
    expect(problems.map((p) => p.index)).toEqual([0, 1]);
    expect(problems[0]!.reason).toMatch(/own text/);
  });

  it('repeals a subparagraph of the article\'s own text, and only it', () => {
    const { operations, problems } = modificationsToOperations([mod('repeal', '#art_1__subpara_2'), mod('repeal', '#art_2__para_1')], BASE);
    expect(problems).toEqual([]);
    const amended = printLaw(applyOperations(BASE, operations));
    expect(amended).toContain('1) вуз - организация образования;');
    expect(amended).toMatch(/2\) исключен/iu);
    expect(amended).toMatch(/1\. исключен/iu);
    expect(amended).toContain('Статья 1. Понятия');
  });
});
