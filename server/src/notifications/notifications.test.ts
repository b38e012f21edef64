import { SERVER_EVENTS, type ServerEventPayloads } from '@commons/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONFIRM_DECISION,
  cycleInput,
  CREATE_CYCLE,
  decide,
  ideaInTesting,
  INVITE,
  newIdea,
  proposeDecision,
} from '../test-support/change-ideas';
import { errorOf } from '../test-support/graphql-client';
import { INVITE_TO_GROUP, newGroup } from '../test-support/groups';
import { recordSql } from '../test-support/sql-counter';
import { TestApp, type TestMember } from '../test-support/test-app';
import { NotificationMailService } from '../mail/notification-mail.service';
import { NotificationsService } from './notifications.service';

const NOTIFICATIONS = `query($networkId: ID!, $unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(networkId: $networkId, unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount unreadCount pageInfo { hasNextPage endCursor }
    nodes { id kind subjectType subjectId actorId actorName title detail link fromStatus toStatus pdsaStage pdsaEvent createdAt readAt read }
  }
}`;
const UNREAD = `query($networkId: ID!) { unreadNotificationCount(networkId: $networkId) }`;
const MARK_READ = `mutation($id: ID!) { markNotificationRead(id: $id) { id read readAt } }`;
const MARK_ALL = `mutation($networkId: ID!) { markAllNotificationsRead(networkId: $networkId) }`;
const PREFERENCES = `{ notificationPreferences { kind inApp email } }`;
const SET_PREFERENCE = `mutation($kind: NotificationKind!, $inApp: Boolean!, $email: Boolean!) {
  setNotificationPreference(kind: $kind, inApp: $inApp, email: $email) { kind inApp email }
}`;

type NewNotification = ServerEventPayloads['notification:new'];
type Unread = ServerEventPayloads['notifications:unread'];

/** A socket.io client signed in as `member`, recording every notification event it receives. */
class LiveClient {
  readonly socket: Socket;
  readonly events: { event: string; payload: NewNotification | Unread }[] = [];
  private waiters: (() => void)[] = [];

  constructor(url: string, member: TestMember) {
    this.socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: member.client.cookie! },
    });
    for (const event of [SERVER_EVENTS.notificationNew, SERVER_EVENTS.notificationsUnread]) {
      this.socket.on(event, (payload: NewNotification | Unread) => {
        this.events.push({ event, payload });
        this.waiters.splice(0).forEach((wake) => wake());
      });
    }
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Waits until `count` events have arrived in all, and returns them. */
  async received(count: number) {
    while (this.events.length < count) await new Promise<void>((wake) => this.waiters.push(wake));
    return this.events.slice(0, count);
  }
}

describe('notifications', () => {
  let app: TestApp;
  let networkId: string;
  let siteA: string;
  let admin: TestMember;
  let lead: TestMember;
  let clinician: TestMember;
  let patient: TestMember;
  let family: TestMember;
  const live: LiveClient[] = [];

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    admin = made.admin;
    networkId = made.network.id;
    siteA = made.sites[0].id;
    [lead, clinician, patient, family] = await Promise.all([
      app.newMember(admin, networkId, 'SITE_LEAD', siteA, 'Sofia Lead'),
      app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Clara Clinician'),
      app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA, 'Pia Patient'),
      app.newMember(admin, networkId, 'FAMILY_MEMBER', made.sites[1].id, 'Fredrik Family'),
    ]);
  });

  afterAll(async () => {
    live.forEach((client) => client.socket.close());
    await app?.stop();
  });

  const connect = async (member: TestMember) => {
    const client = new LiveClient(app.url, member);
    live.push(client);
    await client.connected();
    return client;
  };
  const listOf = async (member: TestMember, variables: Record<string, unknown> = {}) =>
    (await member.client.ok(NOTIFICATIONS, { networkId, ...variables })).notifications;

  describe('the list', () => {
    let member: TestMember;

    beforeAll(async () => {
      member = await app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA, 'Nora Notified');
      const proposed = await newIdea(member, networkId, { title: 'Family-held lab calendar' });
      await decide(member, proposed, 'CO_DESIGN', [lead]);
      const leads = await newIdea(lead, networkId, { title: 'Transition clinic evenings' });
      await lead.client.ok(INVITE, { ideaId: leads.id, userId: member.userId });
      const testing = await ideaInTesting(clinician, lead, networkId, { title: 'Text reminders before labs' });
      await clinician.client.ok(CREATE_CYCLE, {
        ideaId: testing.id,
        input: cycleInput(siteA, { title: 'Monday lab clinic texts' }),
      });
      const group = await newGroup(family, networkId, { name: 'School and IBD' });
      await family.client.ok(INVITE_TO_GROUP, { groupId: group.id, userId: member.userId });
    });

    it('shows her notifications newest first, with kind, title, quoted detail, actor and link', async () => {
      const list = await listOf(member);

      expect(list).toMatchObject({ totalCount: 4, unreadCount: 4 });
      expect(list.nodes.map((n: { kind: string }) => n.kind)).toEqual([
        'GROUP_INVITE',
        'PDSA_AT_SITE',
        'CO_DESIGN_INVITE',
        'IDEA_DECISION',
      ]);
      const [group, cycle, invite, decision] = list.nodes;
      expect(group).toMatchObject({
        subjectType: 'GROUP',
        title: 'School and IBD',
        detail: null,
        actorName: 'Fredrik Family',
        link: `groups/${group.subjectId}`,
        read: false,
        readAt: null,
      });
      expect(cycle).toMatchObject({
        subjectType: 'PDSA_CYCLE',
        title: 'Text reminders before labs',
        detail: 'Monday lab clinic texts',
        actorName: 'Clara Clinician',
        pdsaStage: 'PLAN',
        pdsaEvent: 'created',
      });
      expect(cycle.link).toMatch(new RegExp(`^ideas/[0-9a-f-]+\\?cycle=${cycle.subjectId}$`));
      expect(invite).toMatchObject({
        subjectType: 'CHANGE_IDEA',
        title: 'Transition clinic evenings',
        actorId: lead.userId,
        actorName: 'Sofia Lead',
        link: `ideas/${invite.subjectId}`,
      });
      expect(decision).toMatchObject({
        title: 'Family-held lab calendar',
        detail: 'Move to CO_DESIGN',
        fromStatus: 'PROPOSED',
        toStatus: 'CO_DESIGN',
        actorName: 'Sofia Lead',
      });
    });

    it('pages, filters the unread ones, and marks one read (only once)', async () => {
      const page = await listOf(member, { first: 3 });
      expect(page.pageInfo.hasNextPage).toBe(true);
      const rest = await listOf(member, { first: 3, after: page.pageInfo.endCursor });
      expect(rest.nodes).toHaveLength(1);

      const marked = (await member.client.ok(MARK_READ, { id: page.nodes[0].id })).markNotificationRead;
      expect(marked).toMatchObject({ id: page.nodes[0].id, read: true, readAt: expect.any(String) });
      expect((await member.client.ok(MARK_READ, { id: page.nodes[0].id })).markNotificationRead.readAt).toBe(
        marked.readAt,
      );

      expect((await member.client.ok(UNREAD, { networkId })).unreadNotificationCount).toBe(3);
      const unread = await listOf(member, { unreadOnly: true });
      expect(unread).toMatchObject({ totalCount: 3, unreadCount: 3 });
      expect(unread.nodes.map((n: { id: string }) => n.id)).not.toContain(page.nodes[0].id);
    });

    it('nobody else may mark her notifications read, not even an admin: they are NOT_FOUND', async () => {
      const [first] = (await listOf(member, { unreadOnly: true })).nodes;
      for (const other of [admin, family]) {
        expect(errorOf(await other.client.gql(MARK_READ, { id: first.id })).code).toBe('NOT_FOUND');
      }
      expect(errorOf(await member.client.gql(MARK_READ, { id: 'nope' }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'id',
      });
      expect((await app.prisma.notification.findUniqueOrThrow({ where: { id: first.id } })).readAt).toBeNull();
    });

    it("marks all of hers read in the network, and nobody else's", async () => {
      const othersUnread = await app.prisma.notification.count({
        where: { networkId, readAt: null, userId: { not: member.userId } },
      });
      expect(othersUnread).toBeGreaterThan(0);

      expect((await member.client.ok(MARK_ALL, { networkId })).markAllNotificationsRead).toBe(3);

      expect((await member.client.ok(UNREAD, { networkId })).unreadNotificationCount).toBe(0);
      expect(
        await app.prisma.notification.count({ where: { networkId, readAt: null, userId: { not: member.userId } } }),
      ).toBe(othersUnread);
      expect((await member.client.ok(MARK_ALL, { networkId })).markAllNotificationsRead).toBe(0);
    });
  });

  describe('preferences', () => {
    it('are in the app and not by email for every kind until she chooses', async () => {
      const { notificationPreferences } = await patient.client.ok(PREFERENCES);
      expect(notificationPreferences).toEqual(
        [
          'MENTION',
          'REPLY',
          'IDEA_DECISION',
          'PDSA_AT_SITE',
          'GROUP_INVITE',
          'CO_DESIGN_INVITE',
          'SITE_REQUEST',
          'SITE_REQUEST_CONFIRMED',
          'SITE_REQUEST_DECLINED',
          'DECISION_AWAITING_CONFIRMATION',
          'DECISION_DECLINED',
          'PROPOSAL_OPENED',
        ].map((kind) => ({ kind, inApp: true, email: false })),
      );
    });

    it("with in-app off for a kind, nothing of that kind is written for her, while others still get theirs; one query reads everyone's choice", async () => {
      const member = await app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA, 'Quiet Member');
      await member.client.ok(SET_PREFERENCE, { kind: 'IDEA_DECISION', inApp: false, email: false });
      const idea = await newIdea(member, networkId, { title: 'Quiet idea' });
      await clinician.client.ok(`mutation($id: ID!) { endorseChangeIdea(ideaId: $id, endorsed: true) { id } }`, {
        id: idea.id,
      });

      const decision = await proposeDecision(member, idea, 'CO_DESIGN', [lead]);
      const { statements } = await recordSql(() => lead.client.ok(CONFIRM_DECISION, { decisionId: decision.id }));

      const rows = await app.prisma.notification.findMany({
        where: { subjectId: idea.id, kind: 'IDEA_DECISION' },
        select: { userId: true },
      });
      expect(rows).toEqual([{ userId: clinician.userId }]);
      expect(statements.filter((sql) => sql.includes('"NotificationPreference"'))).toHaveLength(1);
      const other = await newGroup(lead, networkId);
      await lead.client.ok(INVITE_TO_GROUP, { groupId: other.id, userId: member.userId });
      expect(await app.prisma.notification.count({ where: { userId: member.userId, kind: 'GROUP_INVITE' } })).toBe(1);
    });

    it('email on sends her notifications of that kind by email (right away, by default), and only hers', async () => {
      const member = await app.newMember(admin, networkId, 'FAMILY_MEMBER', siteA, 'Email Member');
      const saved = await member.client.ok(SET_PREFERENCE, { kind: 'GROUP_INVITE', inApp: true, email: true });
      expect(saved.setNotificationPreference).toEqual({ kind: 'GROUP_INVITE', inApp: true, email: true });
      const group = await newGroup(lead, networkId, { name: 'Diet and nutrition' });
      await lead.client.ok(INVITE_TO_GROUP, { groupId: group.id, userId: member.userId });
      await lead.client.ok(INVITE_TO_GROUP, { groupId: group.id, userId: clinician.userId });

      await app.server.app.get(NotificationMailService).sendImmediate(new Date(Date.now() + 3_600_000));
      const emails = await app.prisma.emailMessage.findMany({
        where: {
          kind: 'NOTIFICATION',
          dedupeKey: {
            in: (await app.prisma.notification.findMany({ where: { subjectId: group.id }, select: { id: true } })).map(
              (n) => `notification:${n.id}`,
            ),
          },
        },
        select: { userId: true },
      });
      expect(emails).toEqual([{ userId: member.userId }]);
    });

    it('refuses an unknown kind', async () => {
      const result = await patient.client.gql(SET_PREFERENCE, { kind: 'EVERYTHING', inApp: false, email: false });
      expect(errorOf(result).code).toBe('BAD_USER_INPUT');
    });
  });

  describe('live push', () => {
    it('sends notification:new with her unread count to every socket (every tab) of the recipient', async () => {
      const member = await app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Live Member');
      const [tab1, tab2] = [await connect(member), await connect(member)];
      const group = await newGroup(family, networkId, { name: 'Transition to adult care' });

      await family.client.ok(INVITE_TO_GROUP, { groupId: group.id, userId: member.userId });

      const expected = {
        event: SERVER_EVENTS.notificationNew,
        payload: { networkId, unreadCount: 1, kind: 'GROUP_INVITE', subjectType: 'GROUP', subjectId: group.id },
      };
      expect(await tab1.received(1)).toEqual([expected]);
      expect(await tab2.received(1)).toEqual([expected]);
    });

    it('pushes only after the transaction commits: nothing for one that rolls back, and nothing to other members', async () => {
      const member = await app.newMember(admin, networkId, 'RESEARCHER', null, 'Rollback Member');
      const bystander = await app.newMember(admin, networkId, 'RESEARCHER', null, 'Bystander');
      const [socket, bystanderSocket] = [await connect(member), await connect(bystander)];
      const notifications = app.server.app.get(NotificationsService);
      const rolledBackGroup = await newGroup(family, networkId, { name: 'Never mind' });

      const rolledBack = app.prisma.$transaction(async (tx) => {
        await notifications.notify(tx, {
          networkId,
          kind: 'GROUP_INVITE',
          subjectType: 'GROUP',
          subjectId: rolledBackGroup.id,
          actorId: family.userId,
          payload: { groupId: rolledBackGroup.id, groupName: 'Never mind' },
          recipients: [member.userId],
        });
        throw new Error('something later in the transaction failed');
      });
      await expect(rolledBack).rejects.toThrow('something later in the transaction failed');
      const committed = await newGroup(family, networkId, { name: 'Committed group' });
      await family.client.ok(INVITE_TO_GROUP, { groupId: committed.id, userId: member.userId });
      await family.client.ok(INVITE_TO_GROUP, { groupId: committed.id, userId: bystander.userId });

      // Events reach a socket in the order they were sent, so had the rolled-back one been pushed, it would come first.
      expect((await socket.received(1)).map(({ payload }) => payload)).toEqual([
        expect.objectContaining({ subjectId: committed.id, unreadCount: 1 }),
      ]);
      expect(await app.prisma.notification.count({ where: { subjectId: rolledBackGroup.id } })).toBe(0);
      expect((await bystanderSocket.received(1)).map(({ payload }) => payload)).toEqual([
        expect.objectContaining({ subjectId: committed.id, unreadCount: 1 }),
      ]);
    });

    it('pushes the notifications of change ideas too: their services only call notify inside their transactions', async () => {
      const member = await app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA, 'Co-design Member');
      const tab = await connect(member);
      const idea = await newIdea(member, networkId, { title: 'Pushed decision' });

      await decide(member, idea, 'CO_DESIGN', [lead]);

      expect((await tab.received(1)).map(({ payload }) => payload)).toEqual([
        { networkId, unreadCount: 1, kind: 'IDEA_DECISION', subjectType: 'CHANGE_IDEA', subjectId: idea.id },
      ]);
    });

    it('tells her other tabs her new unread count when she marks notifications read', async () => {
      const member = await app.newMember(admin, networkId, 'SITE_LEAD', siteA, 'Reading Member');
      const tab = await connect(member);
      for (const name of ['One', 'Two']) {
        await family.client.ok(INVITE_TO_GROUP, {
          groupId: (await newGroup(family, networkId, { name })).id,
          userId: member.userId,
        });
      }
      await tab.received(2);
      const [newest] = (await listOf(member)).nodes;

      await member.client.ok(MARK_READ, { id: newest.id });
      await member.client.ok(MARK_ALL, { networkId });

      const events = (await tab.received(4)).slice(2);
      expect(events).toEqual([
        { event: SERVER_EVENTS.notificationsUnread, payload: { networkId, unreadCount: 1 } },
        { event: SERVER_EVENTS.notificationsUnread, payload: { networkId, unreadCount: 0 } },
      ]);
    });
  });
});
