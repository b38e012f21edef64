import { type Role, ROLES } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, authorisationCases, outcomeOf } from '../test-support/authorisation-table';
import type { TestClient } from '../test-support/graphql-client';
import { INVITE_TO_GROUP, newGroup } from '../test-support/groups';
import { TestApp, type TestMember } from '../test-support/test-app';

const QUERIES: Record<string, string> = {
  notifications: `query($networkId: ID!) { notifications(networkId: $networkId) { totalCount nodes { id } } }`,
  unreadNotificationCount: `query($networkId: ID!) { unreadNotificationCount(networkId: $networkId) }`,
  notificationPreferences: `{ notificationPreferences { kind inApp email } }`,
  myChangeIdeas: `query($networkId: ID!) { myChangeIdeas(networkId: $networkId) { idea { id } unreadMessages } }`,
  ideasTestingAtMySite: `query($networkId: ID!) { ideasTestingAtMySite(networkId: $networkId) { idea { id } cycles { id } } }`,
};
const MARK_READ = `mutation($id: ID!) { markNotificationRead(id: $id) { id read } }`;
const MARK_ALL = `mutation($networkId: ID!) { markAllNotificationsRead(networkId: $networkId) }`;
const SET_PREFERENCE = `mutation { setNotificationPreference(kind: REPLY, inApp: false, email: true) { kind } }`;

/**
 * Who may read and change notifications, and ask for the home cards. Notifications and
 * preferences are personal: everyone acts on her own only; a member of another network
 * (NON_MEMBER) has her own notifications there and her own preferences. Cells as in
 * test-support/authorisation-table.ts.
 */
describe('authorisation of notifications and home cards', () => {
  let app: TestApp;
  let networkId: string;
  let outsider: TestMember;
  let signedOut: TestClient;
  const members = {} as Record<Role, TestMember>;
  /** Invites people to groups, so that they get notifications. */
  let inviter: TestMember;
  /** Someone else whose notification nobody but she may mark read. */
  let bystander: TestMember;

  const clientOf = (actor: Actor): TestClient =>
    actor === 'SIGNED_OUT' ? signedOut : actor === 'NON_MEMBER' ? outsider.client : members[actor].client;

  /** A new unread notification for `member`, sent by `from` inviting her to a new group of `network`. */
  async function notificationFor(member: TestMember, from: TestMember, network: string): Promise<string> {
    const group = await newGroup(from, network);
    await from.client.ok(INVITE_TO_GROUP, { groupId: group.id, userId: member.userId });
    return (await app.prisma.notification.findFirstOrThrow({ where: { userId: member.userId, subjectId: group.id } }))
      .id;
  }

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    networkId = made.network.id;
    members.NETWORK_ADMIN = made.admin;
    const others = ROLES.filter((role) => role !== 'NETWORK_ADMIN');
    const made2 = await Promise.all(others.map((role) => app.newMember(made.admin, networkId, role, made.sites[0].id)));
    others.forEach((role, i) => (members[role] = made2[i]));
    [inviter, bystander] = await Promise.all([
      app.newMember(made.admin, networkId, 'PATIENT_PARTNER', made.sites[0].id, 'Inviter'),
      app.newMember(made.admin, networkId, 'FAMILY_MEMBER', made.sites[1].id, 'Bystander'),
    ]);
    const elsewhere = await app.newNetwork(1);
    outsider = elsewhere.admin;
    await notificationFor(
      outsider,
      await app.newMember(outsider, elsewhere.network.id, 'RESEARCHER', null, 'Colleague elsewhere'),
      elsewhere.network.id,
    );
    signedOut = app.client();
  });

  afterAll(() => app?.stop());

  //                         notifications | unreadNotificationCount | notificationPreferences | markNotificationRead her own | … someone else's |
  //                         markAllNotificationsRead | setNotificationPreference | myChangeIdeas | ideasTestingAtMySite
  const table: Record<Actor, string> = {
    PATIENT_PARTNER: '       ok  ok  ok  ok  NF | ok  ok  ok  ok',
    FAMILY_MEMBER: '         ok  ok  ok  ok  NF | ok  ok  ok  ok',
    CLINICIAN: '             ok  ok  ok  ok  NF | ok  ok  ok  ok',
    RESEARCHER: '            ok  ok  ok  ok  NF | ok  ok  ok  ok',
    SITE_LEAD: '             ok  ok  ok  ok  NF | ok  ok  ok  ok',
    NETWORK_ADMIN: '         ok  ok  ok  ok  NF | ok  ok  ok  ok',
    NON_MEMBER: '            NF  NF  ok  ok  NF | NF  ok  NF  NF',
    SIGNED_OUT: '            UA  UA  UA  UA  UA | UA  UA  UA  UA',
  };
  const columns = [
    'notifications',
    'unreadNotificationCount',
    'notificationPreferences',
    'markRead own',
    'markRead other',
    'markAllRead',
    'setPreference',
    'myChangeIdeas',
    'ideasTestingAtMySite',
  ];

  it.each(authorisationCases(columns, table).map(([actor, column, outcome]) => [actor, column, outcome] as const))(
    '%s: %s: %s',
    async (actor, column, outcome) => {
      const client = clientOf(actor);
      if (column in QUERIES) {
        const result = await client.gql(QUERIES[column], { networkId });
        expect(outcomeOf(result)).toBe(outcome);
        if (outcome !== 'ok') expect(result.data).toBeNull();
        return;
      }
      if (column.startsWith('markRead')) {
        const owner =
          column === 'markRead own' && actor !== 'SIGNED_OUT'
            ? actor === 'NON_MEMBER'
              ? outsider
              : members[actor]
            : bystander;
        const id =
          owner === outsider
            ? (await app.prisma.notification.findFirstOrThrow({ where: { userId: outsider.userId } })).id
            : await notificationFor(owner, inviter, networkId);
        expect(outcomeOf(await client.gql(MARK_READ, { id }))).toBe(outcome);
        expect((await app.prisma.notification.findUniqueOrThrow({ where: { id } })).readAt !== null).toBe(
          outcome === 'ok',
        );
        return;
      }
      if (column === 'markAllRead') {
        const theirs = actor in members ? members[actor as Role] : bystander;
        const id = await notificationFor(theirs, inviter, networkId);
        const bystanders = await notificationFor(bystander, inviter, networkId);
        expect(outcomeOf(await client.gql(MARK_ALL, { networkId }))).toBe(outcome);
        expect((await app.prisma.notification.findUniqueOrThrow({ where: { id } })).readAt !== null).toBe(
          outcome === 'ok',
        );
        expect((await app.prisma.notification.findUniqueOrThrow({ where: { id: bystanders } })).readAt).toBeNull();
        return;
      }
      const userId = actor === 'SIGNED_OUT' ? null : actor === 'NON_MEMBER' ? outsider.userId : members[actor].userId;
      expect(outcomeOf(await client.gql(SET_PREFERENCE))).toBe(outcome);
      if (userId)
        expect(await app.prisma.notificationPreference.count({ where: { userId, kind: 'REPLY', email: true } })).toBe(
          outcome === 'ok' ? 1 : 0,
        );
    },
  );
});
