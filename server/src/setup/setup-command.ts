import { type SetupCommandInput, siteSlugs } from '@commons/shared';
import { newSessionToken } from '../platform/auth/session-token';
import type { PrismaService } from '../platform/database/prisma.service';
import { SetupRepository } from './setup.repository';

/** Why `npm run setup` did nothing; `flag` names the option to change, when one is at fault. */
export class SetupCommandError extends Error {
  constructor(
    message: string,
    readonly flag: string | null = null,
  ) {
    super(flag ? `${flag}: ${message}` : message);
    this.name = 'SetupCommandError';
  }
}

export interface CreatedNetwork {
  networkId: string;
  slug: string;
  siteSlugs: string[];
  /** The first admin's one-time sign-up link (an invitation to the network as its admin). */
  link: string;
  expiresAt: Date;
}

/**
 * Creates a network, its sites and an invitation that makes `adminEmail` its first network admin,
 * in one transaction. Refuses when a network exists already, unless `addNetwork`.
 */
export async function createNetworkWithAdminInvitation(
  prisma: PrismaService,
  input: SetupCommandInput,
  options: { addNetwork: boolean; invitationTtlMs: number; now?: Date },
): Promise<CreatedNetwork> {
  const setup = new SetupRepository(prisma);
  const now = options.now ?? new Date();
  const slugs = siteSlugs(input.sites);
  const { token, tokenHash } = newSessionToken();
  return setup.withCreationLock(async (db) => {
    if (!options.addNetwork && (await setup.anyNetwork(db))) {
      throw new SetupCommandError(
        'This database has a network already. Its admins invite people from the web app; to create another network here, run again with --add-network.',
      );
    }
    const slugTaken = await setup.slugTaken(input.networkSlug, db);
    const network = slugTaken
      ? null
      : await setup.createNetwork(
          {
            name: input.networkName,
            slug: input.networkSlug,
            startedOn: new Date(`${input.startMonth}-01T00:00:00Z`),
            sites: input.sites.map((name, i) => ({ name, slug: slugs[i] })),
          },
          db,
        );
    if (!network)
      throw new SetupCommandError(
        `"${input.networkSlug}" is the slug of another network; choose another one`,
        '--slug',
      );
    const invitation = await setup.createAdminInvitation(
      {
        networkId: network.id,
        email: input.adminEmail,
        tokenHash,
        expiresAt: new Date(now.getTime() + options.invitationTtlMs),
      },
      db,
    );
    return {
      networkId: network.id,
      slug: network.slug,
      siteSlugs: slugs,
      link: `${new URL(input.publicUrl).origin}/invite/${token}`,
      expiresAt: invitation.expiresAt,
    };
  });
}
