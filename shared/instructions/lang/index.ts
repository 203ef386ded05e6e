import type { Lang } from '../../law/language';
import type { Grammar } from '../grammar';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

/** The grammar of amending statements in each language. */
export const GRAMMARS: Record<Lang, Grammar> = { ru, kk, en };
