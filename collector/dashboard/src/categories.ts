/**
 * The abuse categories in display order, without importing zod into the page (it would double
 * the bundle). The type check below fails to compile if the wire schema gains a category.
 */
import type { AbuseCategory } from '../../../preload/schemas/common';

export const CATEGORIES = [
  'shouting',
  'insults',
  'threats',
  'harassment',
  'sexual-harassment',
  'other',
] as const;

type Missing = Exclude<AbuseCategory, (typeof CATEGORIES)[number]>;
const everyCategoryListed: [Missing] extends [never] ? true : never = true;
void everyCategoryListed;
