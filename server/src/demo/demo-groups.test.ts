import { ROLES } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../test-support/graphql-client';
import { TestApp } from '../test-support/test-app';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from './demo-people';

const GROUPS = `query($networkId: ID!) {
  groups(networkId: $networkId, first: 100) {
    nodes { name visibility memberCount viewerMembership { role status } members { networkRole } shelf { resource { title } } }
  }
}`;
const NOTIFICATIONS = `query($networkId: ID!) { notifications(networkId: $networkId, first: 100) { unreadCount nodes { kind title actorName read link } } }`;

describe('the demo working groups', () => {
  let app: TestApp;
  let networkId: string;
  const clients = new Map<string, TestClient>();

  const signedIn = async (name: string) => {
    if (!clients.has(name)) {
      const client = app.client();
      await client.signIn(`${name}@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD);
      clients.set(name, client);
    }
    return clients.get(name)!;
  };
  const groupsOf = async (name: string) => (await (await signedIn(name)).ok(GROUPS, { networkId })).groups.nodes;

  beforeAll(async () => {
    app = await TestApp.start({ SEED_DEMO: 'true' });
    networkId = (await app.prisma.network.findFirstOrThrow({ select: { id: true } })).id;
  }, 120_000);

  afterAll(() => app?.stop());

  it('seeds open and invite-only groups with members of every role and full shelves', async () => {
    const groups = await groupsOf('admin');

    expect(groups.map((g: { name: string; visibility: string }) => `${g.name} (${g.visibility})`)).toEqual([
      'Diet and nutrition (OPEN)',
      "Parent partners' circle (INVITE_ONLY)",
      "QI coaches' huddle (INVITE_ONLY)",
      'School and IBD (OPEN)',
      'Transition to adult care (OPEN)',
    ]);
    const roles = new Set(
      groups.flatMap((g: { members: { networkRole: string }[] }) => g.members.map((m) => m.networkRole)),
    );
    expect([...roles].sort()).toEqual([...ROLES].sort());
    for (const group of groups) {
      expect(group.memberCount).toBeGreaterThanOrEqual(4);
      expect(group.shelf.length).toBeGreaterThanOrEqual(4);
    }
  });

  it("keeps the parents' circle to its members, and shows each demo sign-in her own groups and invitations", async () => {
    expect((await groupsOf('patient')).map((g: { name: string }) => g.name)).not.toContain("Parent partners' circle");
    const family = await groupsOf('family');
    expect(family.find((g: { name: string }) => g.name === "Parent partners' circle").viewerMembership).toEqual({
      role: 'OWNER',
      status: 'ACTIVE',
    });
    const clinician = await groupsOf('clinician');
    expect(clinician.find((g: { name: string }) => g.name === "QI coaches' huddle").viewerMembership).toEqual({
      role: 'MEMBER',
      status: 'INVITED',
    });
  });

  it.each(['patient', 'family', 'clinician', 'sitelead'])('gives %s@ an unread group invitation', async (name) => {
    const { notifications } = await (await signedIn(name)).ok(NOTIFICATIONS, { networkId });
    const invitations = notifications.nodes.filter(
      (n: { kind: string; read: boolean }) => n.kind === 'GROUP_INVITE' && !n.read,
    );
    expect(invitations.length).toBeGreaterThanOrEqual(1);
    expect(notifications.unreadCount).toBeGreaterThanOrEqual(invitations.length);
    expect(invitations[0]).toMatchObject({
      title: expect.any(String),
      actorName: expect.any(String),
      link: expect.stringMatching(/^groups\//),
    });
  });

  it('seeds live discussion on two ideas: the patient partner has unread messages, a mention and a reply waiting', async () => {
    const patient = await signedIn('patient');
    const idea = await app.prisma.changeIdea.findFirstOrThrow({
      where: { title: 'A school support plan written with the family at diagnosis' },
      select: { id: true },
    });
    const { thread } = await patient.ok(
      `query($id: ID!) { thread(subjectType: CHANGE_IDEA, subjectId: $id) { unreadCount messages(last: 20) { nodes { body author { name } replies { body } } } } }`,
      { id: idea.id },
    );
    expect(thread.unreadCount).toBe(3);
    expect(thread.messages.nodes.length).toBeGreaterThanOrEqual(4);
    const unread = (
      await patient.ok(`query($networkId: ID!) { unreadThreads(networkId: $networkId) { totalUnread } }`, { networkId })
    ).unreadThreads;
    expect(unread.totalUnread).toBeGreaterThanOrEqual(3);
    const notices = (await patient.ok(NOTIFICATIONS, { networkId })).notifications.nodes.filter(
      (n: { kind: string }) => n.kind === 'MENTION' || n.kind === 'REPLY',
    );
    expect(notices.map((n: { kind: string }) => n.kind).sort()).toEqual(['MENTION', 'REPLY']);
    expect(notices[0]).toMatchObject({
      title: 'A school support plan written with the family at diagnosis',
      actorName: "Grace O'Connell",
      read: false,
    });
  });
});
