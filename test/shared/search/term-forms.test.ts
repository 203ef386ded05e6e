import { describe, expect, it } from 'vitest';
import { suggestReplacement, termMatches, termPattern } from '../../../shared/search/term-forms';

const forms = (text: string, term: string) => termMatches(text, termPattern(term)).map((m) => m.form);

describe('the forms a term takes in a text (for a replacement throughout)', () => {
  it.each([
    ['ru', 'Высшие учебные заведения и высших учебных заведений, высшим учебным заведением.', 'высшее учебное заведение', ['Высшие учебные заведения', 'высших учебных заведений', 'высшим учебным заведением']],
    ['ru, words apart are not a form', 'высших и учебных заведений', 'высшее учебное заведение', []],
    ['ru, a comma between is not a form', 'высших, учебных заведений', 'высшее учебное заведение', []],
    ['kk, suffix chains', 'Университеттің кеңесі университетке және университеттерге хабарлайды.', 'университет', ['Университеттің', 'университетке', 'университеттерге']],
    ['ru, brackets as the term has them', 'организаций высшего и (или) послевузовского образования; организации высшего или послевузовского образования', 'организация высшего и (или) послевузовского образования', ['организаций высшего и (или) послевузовского образования']],
    ['en', 'The university and universities; a University.', 'university', ['university', 'universities', 'University']],
  ])('%s', (_name, text, term, expected) => {
    expect(forms(text, term)).toEqual(expected);
  });

  it('places each form exactly (the characters it covers are the form)', () => {
    const text = 'Совет вуза, вузов и вузам.';
    for (const m of termMatches(text, termPattern('вуз'))) expect(text.slice(m.start, m.end)).toBe(m.form);
  });
});

describe('a first guess at the replacing words of a form', () => {
  it.each([
    ['вуза', 'вуз', 'университет', 'университета'],
    ['Вузов', 'вуз', 'университет', 'Университетов'],
    ['организации', 'организация', 'учреждение', 'учреждении'],
    ['организаций', 'организация', 'учреждение', 'учреждений'],
    ['вуз', 'вуз', 'университет', 'университет'],
    ['ВУЗОВ', 'вуз', 'университет', 'УНИВЕРСИТЕТОВ'],
    // Not as many words: the new words as typed, with the form's capital.
    ['Высших учебных заведений', 'высшее учебное заведение', 'университет', 'Университет'],
  ])('%s (%s → %s) → %s', (form, term, replacement, expected) => {
    expect(suggestReplacement(form, term, replacement)).toBe(expected);
  });
});
