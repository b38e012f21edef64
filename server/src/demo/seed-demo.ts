import { hashPassword } from '../auth/password';
import type { PrismaService } from '../platform/database/prisma.service';
import type { Logger } from 'pino';
import { DEMO_NETWORK, DEMO_PASSWORD, DEMO_SIGN_INS, DEMO_SITES, demoPeople } from './demo-people';

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
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72616002)`;
      if ((await tx.network.count()) > 0) return false;
      const network = await tx.network.create({
        data: { ...DEMO_NETWORK, startedOn: new Date(`${DEMO_NETWORK.startedOn}T00:00:00Z`) },
      });
      const sites = await Promise.all(DEMO_SITES.map((site) => tx.site.create({ data: { ...site, networkId: network.id } })));
      for (const [i, person] of people.entries()) {
        await tx.user.create({
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
                joinedAt: new Date(Date.UTC(2024, 10, 1) + i * 86_400_000 * 9),
              },
            },
          },
        });
      }
      return true;
    },
    { timeout: 60_000 },
  );
  if (!seeded) return false;
  logger.info(
    {
      network: DEMO_NETWORK.name,
      members: people.length,
      sites: DEMO_SITES.length,
      ms: Date.now() - started,
      signIns: DEMO_SIGN_INS.map(({ role, email }) => ({ role, email, password: DEMO_PASSWORD })),
    },
    `Seeded the demo network. Sign in with any of these (password "${DEMO_PASSWORD}"): ${DEMO_SIGN_INS.map((s) => `${s.role}=${s.email}`).join(', ')}`,
  );
  return true;
}
