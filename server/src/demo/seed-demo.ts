import { hashPassword } from '../platform/auth/password';
import type { Prisma } from '../generated/prisma/client';
import { lockNetworkCreation } from '../platform/database/network-creation-lock';
import type { PrismaService } from '../platform/database/prisma.service';
import type { Logger } from 'pino';
import { addMonths } from '@commons/shared';
import { currentMonth } from '../measures/network-months';
import { DEMO_AIM_MEASURE, DEMO_DRIVERS, DEMO_MEASURES, DEMO_MONTHS, demoAim, demoReports } from './demo-measures';
import { seedDemoChangeIdeas } from './demo-change-ideas';
import { seedDemoDecisions } from './demo-decisions';
import { seedDemoGroups } from './demo-groups';
import { seedDemoThreads } from './demo-threads';
import { seedDemoResources } from './demo-resources';
import { DEMO_EMAIL_DOMAIN, DEMO_NETWORK, DEMO_PASSWORD, DEMO_SITES, demoPeople } from './demo-people';

/**
 * Seeds the demo network on a database that has no network yet; does nothing otherwise, so a
 * restart keeps whatever members changed. Everything is written in one transaction.
 */
export async function seedDemoNetworkIfEmpty(prisma: PrismaService, logger: Logger): Promise<boolean> {
  if ((await prisma.network.count()) > 0) return false;
  const started = Date.now();
  // Every demo account shares one password, so one argon2 hash serves them all.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = demoPeople();
  const seeded = await prisma.$transaction(
    async (tx) => {
      // Several processes may start together on an empty database: only the first one seeds.
      await lockNetworkCreation(tx);
      if ((await tx.network.count()) > 0) return false;
      // The demo always has 24 reported months, ending with last month, whenever it is started.
      const firstMonth = addMonths(currentMonth(), -DEMO_MONTHS);
      const network = await tx.network.create({
        data: { ...DEMO_NETWORK, startedOn: new Date(`${firstMonth}-01T00:00:00Z`) },
      });
      const sites = await Promise.all(
        DEMO_SITES.map((site) => tx.site.create({ data: { ...site, networkId: network.id } })),
      );
      const userIds: string[] = [];
      for (const [i, person] of people.entries()) {
        const user = await tx.user.create({
          data: {
            email: person.email,
            name: person.name,
            pronouns: person.pronouns,
            bio: person.bio,
            interests: person.interests,
            passwordHash,
            memberships: {
              create: {
                networkId: network.id,
                role: person.role,
                siteId: person.site === null ? null : sites[person.site].id,
                // Members joined over the network's first ten months.
                joinedAt: new Date(network.startedOn.getTime() + i * 86_400_000 * 5),
              },
            },
          },
          select: { id: true },
        });
        userIds.push(user.id);
      }
      await seedDemoAimAndMeasures(tx, {
        firstMonth,
        networkId: network.id,
        siteIds: sites.map((site) => site.id),
        reporterBySite: sites.map((_, index) => {
          const lead = people.findIndex((p) => p.role === 'SITE_LEAD' && p.site === index);
          return userIds[lead >= 0 ? lead : 0];
        }),
      });
      const seedPeople = people.map((p, i) => ({ ...p, userId: userIds[i] }));
      await seedDemoResources(tx, { networkId: network.id, siteIds: sites.map((site) => site.id), people: seedPeople });
      await seedDemoChangeIdeas(tx, {
        networkId: network.id,
        firstMonth,
        siteIds: sites.map((site) => site.id),
        people: seedPeople,
      });
      await seedDemoGroups(tx, { networkId: network.id, people: seedPeople });
      await seedDemoThreads(tx, { networkId: network.id });
      await seedDemoDecisions(tx, { networkId: network.id, people: seedPeople });
      return true;
    },
    { timeout: 60_000 },
  );
  if (!seeded) return false;
  // The sign-ins (with the demo's password) are printed for the newcomer on localhost only, never logged.
  logger.info(
    { network: DEMO_NETWORK.name, members: people.length, sites: DEMO_SITES.length, ms: Date.now() - started },
    'Seeded the demo network',
  );
  return true;
}

/** True when the demo's accounts (emails at the demo's domain, with its published password) are in the database. */
export async function demoAccountsPresent(prisma: PrismaService): Promise<boolean> {
  return (
    (await prisma.user.findFirst({ where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } }, select: { id: true } })) !==
    null
  );
}

async function seedDemoAimAndMeasures(
  tx: Prisma.TransactionClient,
  input: {
    firstMonth: ReturnType<typeof currentMonth>;
    networkId: string;
    siteIds: string[];
    reporterBySite: string[];
  },
) {
  const measureIds: Record<string, string> = {};
  for (const [position, measure] of DEMO_MEASURES.entries()) {
    const created = await tx.measure.create({
      data: { ...measure, networkId: input.networkId, position },
      select: { id: true },
    });
    measureIds[measure.key] = created.id;
  }
  await tx.aim.create({
    data: { networkId: input.networkId, outcomeMeasureId: measureIds[DEMO_AIM_MEASURE], ...demoAim(input.firstMonth) },
  });
  for (const [position, driver] of DEMO_DRIVERS.entries()) {
    const primary = await tx.driver.create({
      data: {
        networkId: input.networkId,
        kind: 'PRIMARY',
        title: driver.title,
        description: driver.description,
        position,
      },
      select: { id: true },
    });
    await tx.driver.createMany({
      data: driver.secondary.map((title, i) => ({
        networkId: input.networkId,
        parentId: primary.id,
        kind: 'SECONDARY' as const,
        title,
        position: i,
      })),
    });
  }
  const { reports, revisions } = demoReports({ ...input, measureIds });
  await tx.measureReport.createMany({ data: reports });
  await tx.measureReportRevision.createMany({ data: revisions });
}
