import { Injectable } from '@nestjs/common';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { decisionConfirmationDaysSchema } from '@commons/shared';
import { invalid, notFound, parseInput } from '../platform/graphql/app-error';
import type { Network } from './models/network.model';
import { NetworkRepository } from './network.repository';

type NetworkRow = NonNullable<Awaited<ReturnType<NetworkRepository['findBySlug']>>>;

export function toNetwork(row: Omit<NetworkRow, 'reportGraceDays'>): Network {
  const { id, slug, name, description, suppressionThreshold, decisionConfirmationDays } = row;
  return {
    id,
    slug,
    name,
    description,
    suppressionThreshold,
    decisionConfirmationDays,
    startedOn: row.startedOn.toISOString().slice(0, 10),
  };
}

@Injectable()
export class NetworkService {
  constructor(
    private readonly networks: NetworkRepository,
    private readonly access: AccessService,
  ) {}

  /** The network with `slug`, for its members only. */
  async bySlug(viewer: Viewer, slug: string): Promise<Network> {
    const row = await this.networks.findBySlug(slug.slice(0, 100));
    if (!row) throw notFound('Network');
    await this.access.require(viewer, row.id, 'network.view');
    return toNetwork(row);
  }

  /** Network admins set how many days decisions wait for confirmations (decisions already waiting keep their expiry). */
  async setDecisionConfirmationDays(viewer: Viewer, networkId: string, days: number): Promise<Network> {
    await this.access.require(viewer, networkId, 'network.configure');
    const valid = parseInput(decisionConfirmationDaysSchema, days, 'days');
    return toNetwork(await this.networks.setDecisionConfirmationDays(networkId, valid));
  }

  /**
   * The sites of a network, for its members. Someone no longer a member still reaches the network
   * through her own (inactive) membership: she gets no sites rather than an error, which would
   * null her whole `me`.
   */
  async sites(viewer: Viewer, networkId: string) {
    const actor = await this.access.actorIn(viewer, networkId);
    if (!actor) return [];
    this.access.check(actor, 'site.list');
    return this.networks.sites(networkId);
  }

  /** The network's row, for services that already checked access. */
  async byId(networkId: string) {
    const row = await this.networks.findById(networkId);
    if (!row) throw notFound('Network');
    return row;
  }

  /** The sites of a network, for services that already checked access. */
  sitesOf(networkId: string) {
    return this.networks.sites(networkId);
  }

  async siteById(siteId: string) {
    const site = await this.networks.siteById(siteId);
    if (!site) throw notFound('Site');
    return site;
  }

  /** Throws BAD_USER_INPUT naming `field` unless `siteId` is a site of `networkId`. */
  async assertSiteInNetwork(siteId: string, networkId: string, field: string): Promise<void> {
    if (!(await this.networks.siteInNetwork(siteId, networkId))) {
      throw invalid(field, 'not_in_network', { kind: 'site' });
    }
  }
}
