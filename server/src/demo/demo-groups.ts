import type { GroupVisibility, Prisma } from '../generated/prisma/client';
import { DEMO_RESOURCES } from './demo-resource-data';
import { DEMO_EMAIL_DOMAIN, type DemoPerson } from './demo-people';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type SeedPerson = DemoPerson & { userId: string };

/** Who is in a demo group: people by sign-in email, or the n-th member of a role (optionally at a site). */
type Pick = { email: string } | { role: DemoPerson['role']; site?: number; nth: number };

interface DemoGroup {
  name: string;
  purpose: string;
  visibility: GroupVisibility;
  daysAgo: number;
  owners: Pick[];
  members: Pick[];
  /** Invited and not yet answered: each gets an unread GROUP_INVITE from the first owner. */
  invited: Pick[];
  /** Demo resource keys on its shelf. */
  shelf: string[];
}

const signIn = (name: string): Pick => ({ email: `${name}@${DEMO_EMAIL_DOMAIN}` });

const DEMO_GROUPS: DemoGroup[] = [
  {
    name: 'Transition to adult care',
    purpose:
      'Young people, parents and both paediatric and adult teams making the move to adult IBD care less of a cliff edge: ' +
      'readiness checklists, joint clinics and what to ask at the first adult appointment.',
    visibility: 'OPEN',
    daysAgo: 120,
    owners: [signIn('patient'), signIn('sitelead')],
    members: [
      signIn('clinician'),
      { role: 'PATIENT_PARTNER', nth: 3 },
      { role: 'PATIENT_PARTNER', nth: 5 },
      { role: 'CLINICIAN', site: 3, nth: 0 },
      { role: 'RESEARCHER', nth: 2 },
    ],
    invited: [signIn('family')],
    shelf: ['transition-checklist', 'transition-checklist-youth', 'transition-package', 'university-story'],
  },
  {
    name: 'School and IBD',
    purpose:
      'Keeping school going through flares and hospital stays: letters for teachers, toilet access, exams, and getting back after time away.',
    visibility: 'OPEN',
    daysAgo: 95,
    owners: [signIn('family')],
    members: [
      signIn('patient'),
      { role: 'FAMILY_MEMBER', nth: 2 },
      { role: 'FAMILY_MEMBER', nth: 4 },
      { role: 'CLINICIAN', site: 1, nth: 0 },
      { role: 'SITE_LEAD', site: 1, nth: 0 },
    ],
    invited: [signIn('sitelead')],
    shelf: ['school-letter', 'school-letter-secondary', 'back-to-school-story', 'toilet-card', 'een-school'],
  },
  {
    name: 'Diet and nutrition',
    purpose:
      'Dietitians, nurses and families sharing what makes exclusive enteral nutrition, CDED and catch-up growth work at home.',
    visibility: 'OPEN',
    daysAgo: 80,
    owners: [signIn('clinician')],
    members: [
      signIn('family'),
      { role: 'FAMILY_MEMBER', nth: 6 },
      { role: 'CLINICIAN', site: 2, nth: 0 },
      { role: 'CLINICIAN', site: 5, nth: 0 },
      { role: 'RESEARCHER', nth: 4 },
    ],
    invited: [signIn('patient')],
    shelf: ['een-guide', 'een-story', 'cded-guide', 'growth-chart-tool'],
  },
  {
    name: "Parent partners' circle",
    purpose:
      "A private space for parents and carers on the network's co-design teams to compare notes before meetings and look after each other.",
    visibility: 'INVITE_ONLY',
    daysAgo: 60,
    owners: [signIn('family')],
    members: [
      { role: 'FAMILY_MEMBER', nth: 1 },
      { role: 'FAMILY_MEMBER', nth: 3 },
      { role: 'FAMILY_MEMBER', nth: 5 },
      { role: 'FAMILY_MEMBER', nth: 7 },
    ],
    invited: [{ role: 'FAMILY_MEMBER', nth: 8 }],
    shelf: ['sibling-support', 'diagnosis-first-weeks', 'peer-support-evening', 'parent-diary-story'],
  },
  {
    name: "QI coaches' huddle",
    purpose:
      "Site leads and the network team reviewing each month's charts together and planning the next round of PDSA cycles.",
    visibility: 'INVITE_ONLY',
    daysAgo: 150,
    owners: [signIn('sitelead'), signIn('admin')],
    members: [
      { role: 'SITE_LEAD', site: 2, nth: 0 },
      { role: 'SITE_LEAD', site: 3, nth: 0 },
      { role: 'SITE_LEAD', site: 4, nth: 0 },
      signIn('researcher'),
    ],
    invited: [signIn('clinician')],
    shelf: ['pdsa-template', 'spc-guide', 'data-quality-checklist', 'pre-visit-planning'],
  },
];

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
      'email' in pick
        ? input.people.find((p) => p.email === pick.email)
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
    if (demo.name === 'School and IBD') {
      // The patient sign-in was invited to this group and accepted: her invitation is read.
      const patient = personOf(signIn('patient'));
      const acceptedAt = joinedAt(0);
      await tx.notification.create({
        data: {
          userId: patient.userId,
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
