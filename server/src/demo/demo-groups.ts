import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client';
import { GroupVisibility } from '../generated/prisma/enums';
import { readDemoData, roleSchema, siteIndexSchema } from './demo-data';
import { DEMO_RESOURCES } from './demo-resource-data';
import { DEMO_EMAIL_DOMAIN, type DemoPerson } from './demo-people';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type SeedPerson = DemoPerson & { userId: string };

/**
 * Who is in a demo group: a demo sign-in by the part of her email before the @ ('patient'), or
 * the nth member (from 0) with a role, at a site (index into the demo's sites) or at any site.
 */
const pickSchema = z.union([
  z.string().min(1),
  z.strictObject({ role: roleSchema, site: siteIndexSchema.optional(), nth: z.number().int().min(0) }),
]);
type Pick = z.output<typeof pickSchema>;

/**
 * data/groups.json: the demo working groups. `invited` have not answered yet: each gets an unread
 * GROUP_INVITE from the first owner. `acceptedInvitations` are members whose invitation (from the
 * first owner) is read, the day they joined. `shelf` lists demo resource keys (data/resources.json).
 */
const groupsFileSchema = z.array(
  z
    .strictObject({
      name: z.string().min(1),
      purpose: z.string().min(1),
      visibility: z.enum(GroupVisibility),
      daysAgo: z.number().min(0),
      owners: z.array(pickSchema).min(1),
      members: z.array(pickSchema).min(1),
      invited: z.array(pickSchema),
      acceptedInvitations: z.array(pickSchema).optional(),
      shelf: z.array(z.string().min(1)),
    })
    .superRefine((group, context) => {
      const keys = new Set(DEMO_RESOURCES.map((r) => r.key));
      group.shelf.forEach((key, i) => {
        if (!keys.has(key))
          context.addIssue({ code: 'custom', path: ['shelf', i], message: `no demo resource "${key}"` });
      });
      const members = group.members.map((pick) => JSON.stringify(pick));
      group.acceptedInvitations?.forEach((pick, i) => {
        if (!members.includes(JSON.stringify(pick)))
          context.addIssue({ code: 'custom', path: ['acceptedInvitations', i], message: 'not one of the members' });
      });
    }),
);

const DEMO_GROUPS = readDemoData('groups.json', groupsFileSchema);

/**
 * Seeds the demo working groups (open and invite-only, with members of every role and shelves of
 * demo resources) and the demo members' group notifications: an unread invitation for each of
 * the patient, family, clinician and site-lead sign-ins, and one already read.
 */
export async function seedDemoGroups(
  tx: Prisma.TransactionClient,
  input: { networkId: string; people: SeedPerson[]; now?: Date },
): Promise<void> {
  const now = (input.now ?? new Date()).getTime();
  const personOf = (pick: Pick): SeedPerson => {
    const found =
      typeof pick === 'string'
        ? input.people.find((p) => p.email === `${pick}@${DEMO_EMAIL_DOMAIN}`)
        : input.people.filter((p) => p.role === pick.role && (pick.site === undefined || p.site === pick.site))[
            pick.nth
          ];
    if (!found) throw new Error(`No demo person for ${JSON.stringify(pick)}`);
    return found;
  };
  const titles = new Map(DEMO_RESOURCES.map((r) => [r.key, r.title]));
  const resources = await tx.resource.findMany({
    where: { networkId: input.networkId, hiddenAt: null, title: { in: [...titles.values()] } },
    select: { id: true, title: true },
  });
  const resourceIdOf = (key: string) => {
    const row = resources.find((r) => r.title === titles.get(key));
    if (!row) throw new Error(`No demo resource ${key}`);
    return row.id;
  };

  for (const [index, demo] of DEMO_GROUPS.entries()) {
    const createdAt = new Date(now - demo.daysAgo * DAY_MS);
    const [owner, ...coOwners] = demo.owners.map(personOf);
    const group = await tx.workingGroup.create({
      data: {
        networkId: input.networkId,
        name: demo.name,
        purpose: demo.purpose,
        visibility: demo.visibility,
        createdById: owner.userId,
        createdAt,
        updatedAt: createdAt,
      },
      select: { id: true },
    });
    const joinedAt = (k: number) => new Date(createdAt.getTime() + (k + 1) * 3 * DAY_MS);
    await tx.groupMembership.createMany({
      data: [
        {
          groupId: group.id,
          userId: owner.userId,
          role: 'OWNER' as const,
          status: 'ACTIVE' as const,
          createdAt,
          joinedAt: createdAt,
        },
        ...coOwners.map((p, k) => ({
          groupId: group.id,
          userId: p.userId,
          role: 'OWNER' as const,
          status: 'ACTIVE' as const,
          invitedById: owner.userId,
          createdAt: joinedAt(k),
          joinedAt: joinedAt(k),
        })),
        ...demo.members.map(personOf).map((p, k) => ({
          groupId: group.id,
          userId: p.userId,
          role: 'MEMBER' as const,
          status: 'ACTIVE' as const,
          invitedById: demo.visibility === 'INVITE_ONLY' ? owner.userId : null,
          createdAt: joinedAt(k + coOwners.length),
          joinedAt: joinedAt(k + coOwners.length),
        })),
      ],
    });
    const invitedAt = new Date(now - (index + 2) * 5 * HOUR_MS);
    const invitees = demo.invited.map(personOf);
    await tx.groupMembership.createMany({
      data: invitees.map((p) => ({
        groupId: group.id,
        userId: p.userId,
        role: 'MEMBER' as const,
        status: 'INVITED' as const,
        invitedById: owner.userId,
        createdAt: invitedAt,
      })),
    });
    await tx.notification.createMany({
      data: invitees.map((p) => ({
        userId: p.userId,
        networkId: input.networkId,
        kind: 'GROUP_INVITE' as const,
        subjectType: 'GROUP' as const,
        subjectId: group.id,
        actorId: owner.userId,
        payload: { groupId: group.id, groupName: demo.name, visibility: demo.visibility, actorName: owner.name },
        createdAt: invitedAt,
      })),
    });
    // Members who were invited and accepted: their invitation is read since the day they joined.
    for (const accepted of demo.acceptedInvitations ?? []) {
      const member = personOf(accepted);
      const acceptedAt = joinedAt(demo.members.map(personOf).indexOf(member) + coOwners.length);
      await tx.notification.create({
        data: {
          userId: member.userId,
          networkId: input.networkId,
          kind: 'GROUP_INVITE',
          subjectType: 'GROUP',
          subjectId: group.id,
          actorId: owner.userId,
          payload: { groupId: group.id, groupName: demo.name, visibility: demo.visibility, actorName: owner.name },
          createdAt: new Date(acceptedAt.getTime() - DAY_MS),
          readAt: acceptedAt,
        },
      });
    }
    await tx.groupResource.createMany({
      data: demo.shelf.map((key, k) => ({
        groupId: group.id,
        resourceId: resourceIdOf(key),
        addedById: (k % 2 === 0 ? owner : personOf(demo.members[0])).userId,
        addedAt: joinedAt(k),
      })),
    });
  }
}
