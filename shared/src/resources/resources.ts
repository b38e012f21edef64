import { z } from 'zod';
import { ROLES } from '../roles';
import { idSchema, matches, safeString } from '../validation/common';

/** What a resource in the commons is. */
export const RESOURCE_KINDS = ['TOOL', 'TEMPLATE', 'GUIDE', 'STORY', 'CHANGE_PACKAGE', 'DATASET_DESCRIPTION'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Licences a resource may carry (SPDX identifiers, plus all rights reserved). */
export const RESOURCE_LICENSES = [
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC-BY-NC-4.0',
  'CC-BY-NC-SA-4.0',
  'CC0-1.0',
  'ALL-RIGHTS-RESERVED',
] as const;
export type ResourceLicense = (typeof RESOURCE_LICENSES)[number];
/** The licence of a new resource unless its author chooses another: CC BY 4.0. */
export const DEFAULT_RESOURCE_LICENSE: ResourceLicense = 'CC-BY-4.0';

export const RESOURCE_LIMITS = {
  titleMin: 3,
  titleMax: 160,
  summaryMax: 600,
  bodyMax: 50_000,
  tagsMax: 12,
  tagMin: 2,
  tagMax: 40,
  changeNoteMax: 300,
  hideReasonMin: 3,
  hideReasonMax: 500,
  useNoteMax: 500,
  searchQueryMax: 200,
} as const;

/**
 * A tag in its one spelling: trimmed, without a leading '#', lower-case, inner whitespace
 * collapsed to one space, so "#Transition  to Adult care " and "transition to adult care" are one tag.
 */
export function normaliseTag(raw: string): string {
  return raw.normalize('NFC').trim().replace(/^#+/, '').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/** The tags of `list`, normalised, without duplicates, in their first order. */
export function normaliseTags(list: readonly string[]): string[] {
  return [...new Set(list.map(normaliseTag))];
}

const TAG_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} '&+-]*$/u;

export const tagSchema = safeString()
  .transform(normaliseTag)
  .pipe(
    z
      .string()
      .min(RESOURCE_LIMITS.tagMin)
      .max(RESOURCE_LIMITS.tagMax)
      .refine(...matches(TAG_PATTERN, 'tag')),
  );

const dedupe = <T>(list: T[]) => [...new Set(list)];

const resourceFields = {
  kind: z.enum(RESOURCE_KINDS),
  title: safeString().trim().min(RESOURCE_LIMITS.titleMin).max(RESOURCE_LIMITS.titleMax),
  summary: safeString().trim().max(RESOURCE_LIMITS.summaryMax),
  // Markdown: only trailing whitespace is trimmed, indentation means something.
  body: safeString()
    .transform((body) => body.replace(/\r\n?/g, '\n').trimEnd())
    .pipe(z.string().max(RESOURCE_LIMITS.bodyMax)),
  tags: z.array(tagSchema).transform(dedupe).pipe(z.array(z.string()).max(RESOURCE_LIMITS.tagsMax)),
  audiences: z.array(z.enum(ROLES)).transform(dedupe),
  siteId: idSchema.nullable(),
  license: z.enum(RESOURCE_LICENSES),
};

/** A resource as posted. */
export const resourceInputSchema = z.object(resourceFields);
export type ResourceInputData = z.infer<typeof resourceInputSchema>;

/** An edit: the whole resource again, the version it was loaded at, and an optional note. */
export const resourceEditSchema = z.object({
  ...resourceFields,
  expectedVersion: z.number().int().min(1),
  changeNote: safeString().trim().max(RESOURCE_LIMITS.changeNoteMax),
});
export type ResourceEditData = z.infer<typeof resourceEditSchema>;

/** "Adapt this": the new resource's site and, optionally, a new title. */
export const resourceAdaptSchema = z.object({
  siteId: idSchema.nullable(),
  title: resourceFields.title.nullable(),
});

export const hideReasonSchema = safeString()
  .trim()
  .min(RESOURCE_LIMITS.hideReasonMin)
  .max(RESOURCE_LIMITS.hideReasonMax);

/** "We used this": the site and a short note on how. */
export const resourceUseSchema = z.object({
  siteId: idSchema,
  note: safeString().trim().max(RESOURCE_LIMITS.useNoteMax),
});

/** A curated tag of a network, kept by its admins. */
export const networkTagSchema = z.object({
  tag: tagSchema,
  description: safeString().trim().max(300),
});
