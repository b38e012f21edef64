import { RESOURCE_KINDS } from '@commons/shared';
import { z } from 'zod';
import { readDemoData, readDemoMarkdown, roleSchema, siteIndexSchema } from './demo-data';
import { DEMO_SITES } from './demo-people';

/** Who wrote a demo resource: a role, and a site index (null: someone without a site). */
const authorSchema = z.strictObject({ role: roleSchema, site: siteIndexSchema.nullable() });
export type DemoAuthor = z.output<typeof authorSchema>;

/**
 * data/resources.json: the resources of the demo commons. `key` names each for adaptations,
 * seeding and the relevance tests; its body is data/resources/<key>.md. `daysAgo`: how long ago it
 * was posted; `adaptedFrom`: the key of an earlier resource it was adapted from; `uses`: sites that
 * said "we used this", with their note; `helpful`: how many members marked it helpful; `edits`:
 * later versions, each what it appends to the body and its note.
 */
const resourcesFileSchema = z
  .array(
    z.strictObject({
      key: z.string().regex(/^[a-z0-9-]+$/, 'lower case letters, digits and dashes (it names the Markdown file)'),
      kind: z.enum(RESOURCE_KINDS),
      title: z.string().min(1),
      summary: z.string().min(1),
      tags: z.array(z.string().min(1)),
      audiences: z.array(roleSchema),
      by: authorSchema,
      site: siteIndexSchema.nullable(),
      daysAgo: z.number().min(0),
      license: z.string().min(1).optional(),
      adaptedFrom: z.string().min(1).optional(),
      uses: z.array(z.strictObject({ site: siteIndexSchema, note: z.string() })).optional(),
      helpful: z.number().int().min(0).optional(),
      edits: z
        .array(z.strictObject({ append: z.string().min(1), note: z.string(), daysAgo: z.number().min(0) }))
        .optional(),
    }),
  )
  .superRefine((resources, context) => {
    const earlier = new Set<string>();
    resources.forEach((resource, i) => {
      if (earlier.has(resource.key))
        context.addIssue({ code: 'custom', path: [i, 'key'], message: `"${resource.key}" is used twice` });
      if (resource.adaptedFrom !== undefined && !earlier.has(resource.adaptedFrom))
        context.addIssue({
          code: 'custom',
          path: [i, 'adaptedFrom'],
          message: `no earlier resource "${resource.adaptedFrom}"`,
        });
      earlier.add(resource.key);
      const sites = [resource.by.site, resource.site, ...(resource.uses ?? []).map((use) => use.site)];
      if (sites.some((site) => site !== null && site >= DEMO_SITES.length))
        context.addIssue({
          code: 'custom',
          path: [i],
          message: `names a site beyond the ${DEMO_SITES.length} demo sites`,
        });
    });
  });

/** A resource of the demo commons, with its body. */
export type DemoResource = z.output<typeof resourcesFileSchema>[number] & { body: string };

/**
 * The demo commons of the NorthStar network: tools, templates, guides, stories, change packages
 * and dataset descriptions, in the voices of young people, parents, clinicians and QI teams.
 */
export const DEMO_RESOURCES: DemoResource[] = readDemoData('resources.json', resourcesFileSchema).map((resource) => ({
  ...resource,
  body: readDemoMarkdown(`resources/${resource.key}.md`),
}));

/** data/curated-tags.json: tags the demo network's admins curate; members add free tags beside them. */
export const DEMO_CURATED_TAGS = readDemoData(
  'curated-tags.json',
  z.array(z.strictObject({ tag: z.string().min(1), description: z.string().min(1) })),
);

/** data/bookmarks.json: resources the memorable sign-ins have bookmarked, by their email's part before the @. */
export const DEMO_BOOKMARKS = readDemoData(
  'bookmarks.json',
  z.record(z.string().min(1), z.array(z.string().min(1))).superRefine((bookmarks, context) => {
    const keys = new Set(DEMO_RESOURCES.map((resource) => resource.key));
    for (const [signIn, list] of Object.entries(bookmarks))
      list.forEach((key, i) => {
        if (!keys.has(key))
          context.addIssue({ code: 'custom', path: [signIn, i], message: `no demo resource "${key}"` });
      });
  }),
);
