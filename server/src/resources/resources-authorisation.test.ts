import { type Role, ROLES } from '@commons/shared';
import { type Actor, authorisationCases, type Outcome, outcomeOf } from '../test-support/authorisation-table';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../test-support/graphql-client';
import {
  EDIT_RESOURCE,
  editInput,
  GET_RESOURCE,
  newResource,
  POST_RESOURCE,
  resourceInput,
  type TestResource,
} from '../test-support/resources';
import { TestApp, type TestMember } from '../test-support/test-app';

/**
 * Who may do what in the commons. Every role has a member at site A ("her own site"); B is
 * another site. Cells as in test-support/authorisation-table.ts.
 */
function cases<C extends string>(columns: C[], table: Record<Actor, string>): [Actor, C, Outcome][] {
  return authorisationCases(columns, table).map(([actor, , outcome, column]): [Actor, C, Outcome] => [
    actor,
    column,
    outcome,
  ]);
}

const ADAPT = `mutation($id: ID!, $input: AdaptResourceInput) { adaptResource(resourceId: $id, input: $input) { id } }`;
const HIDE = `mutation($id: ID!) { hideResource(resourceId: $id, reason: "Needs review") { id hidden } }`;
const USE = `mutation($id: ID!, $siteId: ID!) { recordResourceUse(resourceId: $id, input: { siteId: $siteId, note: "Used" }) { useCount } }`;
const HELPFUL = `mutation($id: ID!) { markResourceHelpful(resourceId: $id, helpful: true) { helpfulCount } }`;
const BOOKMARK = `mutation($id: ID!) { bookmarkResource(resourceId: $id, bookmarked: true) { viewerBookmarked } }`;
const HISTORY = `query($id: ID!) { resource(id: $id) { history { version } lineage { ancestors { id } } } }`;
const DIFF = `query($id: ID!) { resourceDiff(resourceId: $id, fromVersion: 1, toVersion: 1) { fields { field } } }`;
const CREATE_TAG = `mutation($networkId: ID!, $tag: String!) { createNetworkTag(networkId: $networkId, input: { tag: $tag }) { tag } }`;
const TAGS = `query($networkId: ID!) { networkTags(networkId: $networkId) { tag } }`;
const CAN = `query($id: ID!) { resource(id: $id) { viewerCanEdit viewerCanHide } }`;
const USES = `query($id: ID!) { resource(id: $id) { viewerCanAdapt uses { site { id } viewerCanRemove } } }`;

describe('authorisation in the commons', () => {
  let app: TestApp;
  let networkId: string;
  let siteA: string;
  let siteB: string;
  let admin: TestMember;
  let outsider: TestMember;
  let signedOut: TestClient;
  const members = {} as Record<Role, TestMember>;
  /** A resource by a researcher (no site): "someone else's" for every other actor. */
  let shared: TestResource;
  let hiddenByOther: TestResource;
  let otherAuthor: TestMember;
  let counter = 0;

  const clientOf = (actor: Actor): TestClient =>
    actor === 'SIGNED_OUT' ? signedOut : actor === 'NON_MEMBER' ? outsider.client : members[actor].client;
  const siteOf = (column: string) =>
    column.includes('another site') ? siteB : column.includes('no site') ? null : siteA;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    admin = made.admin;
    networkId = made.network.id;
    [siteA, siteB] = made.sites.map((site) => site.id);
    members.NETWORK_ADMIN = admin;
    const others = ROLES.filter((role) => role !== 'NETWORK_ADMIN');
    const made2 = await Promise.all(others.map((role) => app.newMember(admin, networkId, role, siteA)));
    others.forEach((role, i) => (members[role] = made2[i]));
    outsider = (await app.newNetwork(1)).admin;
    signedOut = app.client();
    otherAuthor = await app.newMember(admin, networkId, 'RESEARCHER', null, 'Other Author');
    shared = await newResource(otherAuthor, networkId, { title: 'Shared resource' });
    hiddenByOther = await newResource(otherAuthor, networkId, { title: 'Hidden resource' });
    await admin.client.ok(HIDE, { id: hiddenByOther.id });
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('reading', () => {
    //                         a resource | its history, lineage and diff | a hidden resource of someone else
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  ok  ok  NF',
      FAMILY_MEMBER: '         ok  ok  ok  NF',
      CLINICIAN: '             ok  ok  ok  NF',
      RESEARCHER: '            ok  ok  ok  NF',
      SITE_LEAD: '             ok  ok  ok  NF',
      NETWORK_ADMIN: '         ok  ok  ok  ok',
      NON_MEMBER: '            NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA',
    };
    it.each(cases(['resource', 'history', 'diff', 'hidden'], table))(
      '%s reading %s: %s',
      async (actor, column, outcome) => {
        const document =
          column === 'resource'
            ? GET_RESOURCE
            : column === 'history'
              ? HISTORY
              : column === 'diff'
                ? DIFF
                : GET_RESOURCE;
        const id = column === 'hidden' ? hiddenByOther.id : shared.id;

        const result = await clientOf(actor).gql(document, { id });

        expect(outcomeOf(result)).toBe(outcome);
        if (outcome !== 'ok') expect(result.data).toBeNull();
      },
    );
  });

  describe('postResource', () => {
    //                         for her own site | for another site | for no site
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  F  ok',
      FAMILY_MEMBER: '         ok  F  ok',
      CLINICIAN: '             ok  F  ok',
      RESEARCHER: '            ok  F  ok',
      SITE_LEAD: '             ok  F  ok',
      NETWORK_ADMIN: '         ok  ok ok',
      NON_MEMBER: '            NF  NF NF',
      SIGNED_OUT: '            UA  UA UA',
    };
    it.each(cases(['her own site', 'another site', 'no site'], table))(
      '%s posting for %s: %s',
      async (actor, column, outcome) => {
        const title = `Posted ${++counter}`;

        const result = await clientOf(actor).gql(POST_RESOURCE, {
          networkId,
          input: resourceInput({ title, siteId: siteOf(column) }),
        });

        expect(outcomeOf(result)).toBe(outcome);
        expect(await app.prisma.resource.count({ where: { title } })).toBe(outcome === 'ok' ? 1 : 0);
      },
    );
  });

  describe('editing and moderating', () => {
    //                         edit her own | edit someone else's | hide her own | hide someone else's
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  F   F   F',
      FAMILY_MEMBER: '         ok  F   F   F',
      CLINICIAN: '             ok  F   F   F',
      RESEARCHER: '            ok  F   F   F',
      SITE_LEAD: '             ok  F   F   F',
      NETWORK_ADMIN: '         ok  ok  ok  ok',
      NON_MEMBER: '            NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA',
    };
    it.each(cases(['edit own', 'edit other', 'hide own', 'hide other'], table))(
      '%s: %s: %s',
      async (actor, column, outcome) => {
        const owner = column.endsWith('own') && actor in members ? members[actor as Role] : otherAuthor;
        const target = await newResource(owner, networkId);

        const result = column.startsWith('edit')
          ? await clientOf(actor).gql(EDIT_RESOURCE, {
              id: target.id,
              input: editInput(target, { title: 'Edited title' }),
            })
          : await clientOf(actor).gql(HIDE, { id: target.id });

        expect(outcomeOf(result)).toBe(outcome);
        const row = await app.prisma.resource.findUniqueOrThrow({ where: { id: target.id } });
        if (column.startsWith('edit')) expect(row.version).toBe(outcome === 'ok' ? 2 : 1);
        else expect(row.hiddenAt !== null).toBe(outcome === 'ok');
      },
    );

    it.each(ROLES)("tells a %s what she may do with her own resource and with others'", async (role) => {
      const own = await newResource(members[role], networkId);

      expect((await members[role].client.ok(CAN, { id: own.id })).resource).toEqual({
        viewerCanEdit: true,
        viewerCanHide: role === 'NETWORK_ADMIN',
      });
      expect((await members[role].client.ok(CAN, { id: shared.id })).resource).toEqual({
        viewerCanEdit: role === 'NETWORK_ADMIN',
        viewerCanHide: role === 'NETWORK_ADMIN',
      });
    });
  });

  describe('adapting and saying "we used this"', () => {
    //                         adapt for her own site | adapt for another site | used at her own site | used at another site
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  F   ok  F',
      FAMILY_MEMBER: '         ok  F   ok  F',
      CLINICIAN: '             ok  F   ok  F',
      RESEARCHER: '            ok  F   ok  F',
      SITE_LEAD: '             ok  F   ok  F',
      NETWORK_ADMIN: '         ok  ok  ok  ok',
      NON_MEMBER: '            NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA',
    };
    it.each(cases(['adapt: her own site', 'adapt: another site', 'used: her own site', 'used: another site'], table))(
      '%s, %s: %s',
      async (actor, column, outcome) => {
        const resource = await newResource(otherAuthor, networkId);
        const siteId = siteOf(column);

        const result = column.startsWith('adapt')
          ? await clientOf(actor).gql(ADAPT, { id: resource.id, input: { siteId } })
          : await clientOf(actor).gql(USE, { id: resource.id, siteId });

        expect(outcomeOf(result)).toBe(outcome);
        if (column.startsWith('adapt'))
          expect(await app.prisma.resource.count({ where: { adaptedFromId: resource.id } })).toBe(
            outcome === 'ok' ? 1 : 0,
          );
        else
          expect(await app.prisma.resourceUse.count({ where: { resourceId: resource.id } })).toBe(
            outcome === 'ok' ? 1 : 0,
          );
      },
    );
  });

  describe("what the viewer may do with a resource's uses", () => {
    let used: TestResource;
    beforeAll(async () => {
      used = await newResource(otherAuthor, networkId);
      for (const siteId of [siteA, siteB]) await admin.client.ok(USE, { id: used.id, siteId });
    });

    it.each(ROLES)(
      "tells a %s at site A that she may adapt it and take back her site's use (admins: any site's)",
      async (role) => {
        const { resource } = await members[role].client.ok(USES, { id: used.id });
        expect(resource.viewerCanAdapt).toBe(true);
        const removable = Object.fromEntries(
          resource.uses.map((use: { site: { id: string }; viewerCanRemove: boolean }) => [
            use.site.id,
            use.viewerCanRemove,
          ]),
        );
        expect(removable).toEqual({ [siteA]: true, [siteB]: role === 'NETWORK_ADMIN' });
      },
    );

    it('takes back a use exactly where the field said she may', async () => {
      const REMOVE = `mutation($id: ID!, $siteId: ID!) { removeResourceUse(resourceId: $id, siteId: $siteId) { useCount } }`;
      expect(outcomeOf(await members.CLINICIAN.client.gql(REMOVE, { id: used.id, siteId: siteB }))).toBe('FORBIDDEN');
      expect(outcomeOf(await members.CLINICIAN.client.gql(REMOVE, { id: used.id, siteId: siteA }))).toBe('ok');
    });
  });

  describe('helpful marks, bookmarks and curated tags', () => {
    //                         mark helpful | bookmark | list curated tags | add a curated tag
    const table: Record<Actor, string> = {
      PATIENT_PARTNER: '       ok  ok  ok  F',
      FAMILY_MEMBER: '         ok  ok  ok  F',
      CLINICIAN: '             ok  ok  ok  F',
      RESEARCHER: '            ok  ok  ok  F',
      SITE_LEAD: '             ok  ok  ok  F',
      NETWORK_ADMIN: '         ok  ok  ok  ok',
      NON_MEMBER: '            NF  NF  NF  NF',
      SIGNED_OUT: '            UA  UA  UA  UA',
    };
    it.each(cases(['helpful', 'bookmark', 'tags', 'add tag'], table))('%s, %s: %s', async (actor, column, outcome) => {
      const tag = `tag ${++counter}`;
      const result =
        column === 'helpful'
          ? await clientOf(actor).gql(HELPFUL, { id: shared.id })
          : column === 'bookmark'
            ? await clientOf(actor).gql(BOOKMARK, { id: shared.id })
            : column === 'tags'
              ? await clientOf(actor).gql(TAGS, { networkId })
              : await clientOf(actor).gql(CREATE_TAG, { networkId, tag });

      expect(outcomeOf(result)).toBe(outcome);
      if (column === 'add tag')
        expect(await app.prisma.networkTag.count({ where: { tag } })).toBe(outcome === 'ok' ? 1 : 0);
    });
  });
});
