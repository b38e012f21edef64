import type { Role } from '@commons/shared';
import type { Prisma } from '../generated/prisma/client';
import { markdownText } from '../platform/markdown/markdown';
import { addToVocabulary } from '../search/postgres-search.engine';
import { toSearchDocument } from '../search/search-document';
import { DEMO_BOOKMARKS, DEMO_CURATED_TAGS, DEMO_RESOURCES, type DemoAuthor } from './demo-resource-data';

export { DEMO_CURATED_TAGS, DEMO_RESOURCES };

interface SeedPerson {
  userId: string;
  email: string;
  role: Role;
  site: number | null;
}

const DAY_MS = 86_400_000;

/**
 * Seeds the demo commons: 60-odd resources with their versions, adaptations (lineage), the
 * sites that used them, helpful marks, bookmarks, curated tags and the search vocabulary.
 * Returns the ids of the resources by their demo key.
 */
export async function seedDemoResources(
  tx: Prisma.TransactionClient,
  input: { networkId: string; siteIds: string[]; people: SeedPerson[]; now?: Date },
): Promise<Map<string, string>> {
  const now = (input.now ?? new Date()).getTime();
  const ids = new Map<string, string>();
  const authorOf = (author: DemoAuthor, i: number) => {
    const matches = input.people.filter((p) => p.role === author.role && p.site === author.site);
    const candidates = matches.length ? matches : input.people.filter((p) => p.role === author.role);
    return candidates[i % candidates.length].userId;
  };
  const reporterAt = (site: number) =>
    (input.people.find((p) => p.site === site && (p.role === 'SITE_LEAD' || p.role === 'CLINICIAN')) ?? input.people[0])
      .userId;

  for (const [i, demo] of DEMO_RESOURCES.entries()) {
    const authorId = authorOf(demo.by, i);
    const adaptedFromId = demo.adaptedFrom ? ids.get(demo.adaptedFrom) : null;
    if (demo.adaptedFrom && !adaptedFromId)
      throw new Error(`Demo resource ${demo.key} is adapted from ${demo.adaptedFrom}, which comes later`);
    const createdAt = new Date(now - demo.daysAgo * DAY_MS);
    const edits = demo.edits ?? [];
    const bodies = edits.reduce((list, edit) => [...list, list[list.length - 1] + edit.append], [demo.body]);
    const body = bodies[bodies.length - 1];
    const lastEdit = edits.length ? new Date(now - edits[edits.length - 1].daysAgo * DAY_MS) : createdAt;
    const helpers = input.people.filter((p) => p.userId !== authorId);
    const helpful = helpers.filter((_, k) => (k * 7 + i) % helpers.length < (demo.helpful ?? 0)).map((p) => p.userId);
    const uses = demo.uses ?? [];
    const content = {
      kind: demo.kind,
      title: demo.title,
      summary: demo.summary,
      tags: demo.tags,
      audiences: demo.audiences,
      siteId: demo.site === null ? null : input.siteIds[demo.site],
      license: demo.license ?? 'CC-BY-4.0',
    };
    const row = await tx.resource.create({
      data: {
        ...content,
        networkId: input.networkId,
        body,
        bodyText: markdownText(body),
        authorId,
        adaptedFromId: adaptedFromId ?? null,
        version: bodies.length,
        createdAt,
        updatedAt: lastEdit,
        helpfulCount: helpful.length,
        useCount: uses.length,
        viewCount: 3 * helpful.length + 2 * uses.length + (i % 9),
        // The demo attaches no files, so nothing has been downloaded.
        downloadCount: 0,
      },
    });
    ids.set(demo.key, row.id);
    await tx.resourceVersion.createMany({
      data: bodies.map((versionBody, v) => ({
        ...content,
        resourceId: row.id,
        version: v + 1,
        body: versionBody,
        changeNote:
          v === 0
            ? demo.adaptedFrom
              ? `Adapted from "${DEMO_RESOURCES.find((d) => d.key === demo.adaptedFrom)!.title}"`
              : ''
            : edits[v - 1].note,
        editedById: authorId,
        editedAt: v === 0 ? createdAt : new Date(now - edits[v - 1].daysAgo * DAY_MS),
      })),
    });
    if (uses.length) {
      await tx.resourceUse.createMany({
        data: uses.map((use, k) => {
          const at = new Date(
            createdAt.getTime() + (k + 1) * Math.max(1, Math.floor(demo.daysAgo / (uses.length + 1))) * DAY_MS,
          );
          return {
            resourceId: row.id,
            siteId: input.siteIds[use.site],
            note: use.note,
            recordedById: reporterAt(use.site),
            createdAt: at,
            updatedAt: at,
          };
        }),
      });
    }
    if (helpful.length)
      await tx.resourceHelpful.createMany({
        data: helpful.map((userId) => ({ resourceId: row.id, userId, createdAt })),
      });
    await addToVocabulary(tx, toSearchDocument(row));
  }

  const admin = input.people.find((p) => p.role === 'NETWORK_ADMIN') ?? input.people[0];
  await tx.networkTag.createMany({
    data: DEMO_CURATED_TAGS.map((tag) => ({ ...tag, networkId: input.networkId, createdById: admin.userId })),
  });
  for (const [local, keys] of Object.entries(DEMO_BOOKMARKS)) {
    const person = input.people.find((p) => p.email.startsWith(`${local}@`));
    if (!person) continue;
    await tx.resourceBookmark.createMany({
      data: keys.map((key) => ({ resourceId: ids.get(key)!, userId: person.userId })),
    });
  }
  return ids;
}
