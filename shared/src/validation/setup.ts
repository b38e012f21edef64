import { z } from 'zod';
import { addMonths, compareMonthKeys, isMonthKey, type MonthKey } from '../spc/month-key';
import { nameSchema, passwordSchema } from './auth';
import { emailSchema, matches, safeString } from './common';
import { type Problem, rule } from './issues';

/** Lowercase letters and digits in words joined by single hyphens: `northstar-ibd`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 40;
/** Sites a network may be set up with at once (more are added later). */
export const MAX_SETUP_SITES = 50;
/** How far back a network's first month may lie: its charts show every month since. */
export const MAX_START_MONTHS_AGO = 120;

const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ð: 'd',
};

/**
 * A URL-safe slug made from free text, at most 40 characters: "St Brigid's Centre" →
 * "st-brigids-centre", "Nätverket Öst" → "natverket-ost". Empty when the text has no letter or digit
 * of the Latin alphabet.
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øæœßđłþð]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter])
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
}

/**
 * Slugs for a network's sites, one per name and all different: a name whose slug is taken or empty
 * gets a number (`riverside-2`, `site-3`).
 */
export function siteSlugs(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, index) => {
    const base = slugify(name) || `site-${index + 1}`;
    let slug = base;
    for (let n = 2; taken.has(slug); n += 1) slug = `${base.slice(0, MAX_SLUG_LENGTH - String(n).length - 1)}-${n}`;
    taken.add(slug);
    return slug;
  });
}

export const slugSchema = safeString()
  .trim()
  .min(2)
  .max(MAX_SLUG_LENGTH)
  .refine(...matches(SLUG_PATTERN, 'slug'));

export const networkNameSchema = safeString().trim().min(2).max(120);

export const siteNameSchema = safeString().trim().min(2).max(120);

/** A network's sites by name: at least one, none twice (compared as slugs, so case and accents do not count). */
export const siteNamesSchema = z
  .array(siteNameSchema)
  .min(1)
  .max(MAX_SETUP_SITES)
  .superRefine((names, ctx) => {
    const seen = new Set<string>();
    names.forEach((name, index) => {
      const key = slugify(name) || name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [index], ...rule('duplicate') });
      seen.add(key);
    });
  });

/** What every way of setting up a network asks: its name and slug, its first month and its sites. */
export const networkSetupSchema = z.object({
  networkName: networkNameSchema,
  networkSlug: slugSchema,
  startMonth: safeString()
    .trim()
    .refine(isMonthKey, rule('invalid_format', { format: 'month' })),
  sites: siteNamesSchema,
});

/** The first-run page: the network, and its first admin with her password (the rules of registration). */
export const firstRunSchema = networkSetupSchema.extend({
  token: safeString()
    .trim()
    .refine((token) => token.length >= 20 && token.length <= 200, rule('setup_code_invalid')),
  adminName: nameSchema,
  adminEmail: emailSchema,
  password: passwordSchema,
});

/** `npm run setup`: the network, and the email its first admin's sign-up link is for. */
export const setupCommandSchema = networkSetupSchema.extend({
  adminEmail: emailSchema,
  publicUrl: safeString()
    .trim()
    .pipe(z.url({ protocol: /^https?$/ })),
});

/** The problem with `month` as a network's first month, or null: not in the future, at most ten years back. */
export function startMonthIssue(month: MonthKey, currentMonth: MonthKey): Problem | null {
  if (compareMonthKeys(month, currentMonth) > 0) return { code: 'in_future' };
  if (compareMonthKeys(month, addMonths(currentMonth, -MAX_START_MONTHS_AGO)) < 0)
    return { code: 'too_long_ago', params: { years: MAX_START_MONTHS_AGO / 12 } };
  return null;
}

export type NetworkSetupInput = z.infer<typeof networkSetupSchema>;
export type FirstRunInput = z.infer<typeof firstRunSchema>;
export type SetupCommandInput = z.infer<typeof setupCommandSchema>;
