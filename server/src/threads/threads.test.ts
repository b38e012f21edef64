import { mentionToken } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newIdea } from '../test-support/change-ideas';
import { REMOVE_MEMBER } from '../test-support/groups';
import { LiveClient, newClientId } from '../test-support/live-client';
import { newResource } from '../test-support/resources';
import { TestApp, type TestMember } from '../test-support/test-app';
import { ThreadsService } from './threads.service';

const THREAD = `query($type: ThreadSubjectType!, $id: ID!) { thread(subjectType: $type, subjectId: $id) { id networkId subjectType subjectId viewerCanPost viewerCanModerate lastMessageSeq lastReadSeq unreadCount } }`;
const MESSAGES = `query($type: ThreadSubjectType!, $id: ID!, $before: String, $last: Int) {
  thread(subjectType: $type, subjectId: $id) {
    id
    messages(before: $before, last: $last) {
      hasMore beforeCursor
      nodes { id seq body bodyHtml deleted deletedAt editedAt author { userId name } replyCount viewerCanEdit viewerCanDelete
        reactions { emoji count viewerReacted userIds } revisions { body editedAt }
        replies { id seq parentId body } }
    }
  }
}`;
const UNREAD = `query($networkId: ID!) { unreadThreads(networkId: $networkId) { totalUnread threads { unread lastReadSeq thread { id } } } }`;

describe('live threads over socket.io (one app process, PostgreSQL)', () => {
  let app: TestApp;
  let networkId: string;
  let networkSlug: string;
  let siteA: string;
  let siteB: string;
  let admin: TestMember;
  let patient: TestMember;
  let clinician: TestMember;
  let researcher: TestMember;
  let familyB: TestMember;
  const clients: LiveClient[] = [];

  const live = async (member: TestMember | null) => {
    const client = await LiveClient.open(app.url, member?.client.cookie ?? null);
    clients.push(client);
    return client;
  };
  const threadOf = async (member: TestMember, type: string, id: string) =>
    (await member.client.ok(THREAD, { type, id })).thread;
  const ideaThread = async (owner = patient) => threadOf(owner, 'CHANGE_IDEA', (await newIdea(owner, networkId)).id);
  const messageCount = () => app.prisma.message.count();

  /** A working group made directly in the database: the groups capability's API is built beside this one. */
  async function newGroup(visibility: 'OPEN' | 'INVITE_ONLY', members: TestMember[]) {
    return app.prisma.workingGroup.create({
      data: {
        networkId,
        name: `Group ${Date.now()}`,
        visibility,
        createdById: members[0].userId,
        memberships: {
          create: members.map((m, i) => ({
            userId: m.userId,
            role: i === 0 ? 'OWNER' : 'MEMBER',
            status: 'ACTIVE',
            joinedAt: new Date(),
          })),
        },
      },
    });
  }

  beforeAll(async () => {
    // Each test opens sockets of its own and they stay open to the end: more than one member may hold at once.
    app = await TestApp.start({ MESSAGES_PER_WINDOW: '1000', MAX_SOCKETS_PER_MEMBER: '200' });
    const made = await app.newNetwork(2);
    admin = made.admin;
    networkId = made.network.id;
    networkSlug = made.network.slug;
    [siteA, siteB] = made.sites.map((s) => s.id);
    patient = await app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA, 'Pat Partner');
    clinician = await app.newMember(admin, networkId, 'CLINICIAN', siteA, 'Cleo Clinician');
    researcher = await app.newMember(admin, networkId, 'RESEARCHER', null, 'Ravi Researcher');
    familyB = await app.newMember(admin, networkId, 'FAMILY_MEMBER', siteB, 'Fay Family');
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await app.stop();
  });

  describe('threads and joining', () => {
    it('authenticates sockets at the handshake from the session cookie', async () => {
      const anonymous = new LiveClient(app.url, null);
      clients.push(anonymous);
      await expect(anonymous.connected()).rejects.toThrow('UNAUTHENTICATED');
      await live(patient);
    });

    it('creates one thread per subject on first use, for members of its network only', async () => {
      const idea = await newIdea(patient, networkId);
      const first = await threadOf(patient, 'CHANGE_IDEA', idea.id);
      const again = await threadOf(clinician, 'CHANGE_IDEA', idea.id);
      expect(again.id).toBe(first.id);
      expect(first).toMatchObject({
        networkId,
        subjectType: 'CHANGE_IDEA',
        subjectId: idea.id,
        viewerCanPost: true,
        lastMessageSeq: '0',
        unreadCount: 0,
      });
      // Deleting others' messages is the admins' (the policy's message.delete), told to the client with the thread.
      expect(first.viewerCanModerate).toBe(false);
      expect((await threadOf(admin, 'CHANGE_IDEA', idea.id)).viewerCanModerate).toBe(true);
      const outsider = (await app.newNetwork(1)).admin;
      const refused = await outsider.client.gql(THREAD, { type: 'CHANGE_IDEA', id: idea.id });
      expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await app.prisma.thread.count({ where: { subjectId: idea.id } })).toBe(1);
    });

    it('lets a member join the threads her role and site allow, and refuses the rest', async () => {
      const siteThread = await threadOf(clinician, 'SITE', siteA);
      expect((await threadOf(admin, 'SITE', siteA)).id).toBe(siteThread.id);
      const refusedSite = await familyB.client.gql(THREAD, { type: 'SITE', id: siteA });
      expect(refusedSite.errors?.[0].extensions?.code).toBe('FORBIDDEN');

      const fay = await live(familyB);
      expect((await fay.join(siteThread.id)).ok).toBe(false);
      expect(await fay.join(siteThread.id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await (await live(admin)).join(siteThread.id)).ok).toBe(true);

      const hidden = await newResource(clinician, networkId);
      const resourceThread = await threadOf(clinician, 'RESOURCE', hidden.id);
      await admin.client.ok(
        `mutation($id: ID!) { hideResource(resourceId: $id, reason: "Outdated advice") { hidden } }`,
        { id: hidden.id },
      );
      expect(
        (await researcher.client.gql(THREAD, { type: 'RESOURCE', id: hidden.id })).errors?.[0].extensions?.code,
      ).toBe('NOT_FOUND');
      expect(await (await live(researcher)).join(resourceThread.id)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect((await (await live(clinician)).join(resourceThread.id)).ok).toBe(true);

      expect(await fay.join('00000000-0000-4000-8000-000000000000')).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    });

    it("keeps a member out of a private group's thread she is not in; an open group's she may read, not post in", async () => {
      const privateGroup = await newGroup('INVITE_ONLY', [patient, clinician]);
      const thread = await threadOf(patient, 'GROUP', privateGroup.id);
      expect(
        (await researcher.client.gql(THREAD, { type: 'GROUP', id: privateGroup.id })).errors?.[0].extensions?.code,
      ).toBe('FORBIDDEN');
      expect(
        (await admin.client.gql(THREAD, { type: 'GROUP', id: privateGroup.id })).errors?.[0].extensions?.code,
      ).toBe('FORBIDDEN');

      const ravi = await live(researcher);
      expect(await ravi.join(thread.id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const pat = await live(patient);
      const joined = await pat.join(thread.id);
      expect(joined.ok && joined.data.presence.map((p) => p.userId)).toEqual([patient.userId]);
      const before = await messageCount();
      expect(await ravi.send(thread.id, 'Let me in')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await messageCount()).toBe(before);

      const openGroup = await newGroup('OPEN', [patient]);
      const openThread = await threadOf(researcher, 'GROUP', openGroup.id);
      expect(openThread.viewerCanPost).toBe(false);
      expect((await ravi.join(openThread.id)).ok).toBe(true);
      expect(await ravi.send(openThread.id, 'Hello')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await pat.send(openThread.id, 'Welcome, all')).ok).toBe(true);
    });

    it('shows who is in the thread now, and when someone leaves', async () => {
      const thread = await ideaThread();
      const pat = await live(patient);
      const cleo = await live(clinician);
      await pat.ok('thread:join', { threadId: thread.id });
      const joined = await cleo.join(thread.id);
      expect(joined.ok && joined.data.presence.map((p) => p.name)).toEqual(['Cleo Clinician', 'Pat Partner']);
      await pat.ok('thread:leave', { threadId: thread.id });
      const after = await cleo.next('thread:presence', (p: any) => p.threadId === thread.id && p.members.length === 1);
      expect(after.members).toEqual([{ userId: clinician.userId, name: 'Cleo Clinician' }]);
    });
  });

  describe('bad events', () => {
    it.each([
      ['message:send', 'threadId', { threadId: 'not-an-id', clientId: 'client-0001', body: 'Hi' }, 'BAD_USER_INPUT'],
      ['message:send', 'threadId', { clientId: 'client-0001', body: 'Hi' }, 'BAD_USER_INPUT'],
      ['message:send', 'clientId', { threadId: '@thread', clientId: 'x', body: 'Hi' }, 'BAD_USER_INPUT'],
      ['message:send', 'body', { threadId: '@thread', clientId: 'client-0001', body: '  ' }, 'BAD_USER_INPUT'],
      [
        'message:send',
        'body',
        { threadId: '@thread', clientId: 'client-0001', body: 'x'.repeat(10_001) },
        'BAD_USER_INPUT',
      ],
      ['message:send', 'body', { threadId: '@thread', clientId: 'client-0001', body: 42 }, 'BAD_USER_INPUT'],
      ['message:send', 'payload', 'hello', 'BAD_USER_INPUT'],
      ['message:send', 'payload', null, 'BAD_USER_INPUT'],
      ['message:edit', 'body', { messageId: '@thread', body: '' }, 'BAD_USER_INPUT'],
      ['reaction:toggle', 'emoji', { messageId: '@thread', emoji: 'DROP TABLE' }, 'BAD_USER_INPUT'],
      ['thread:join', 'lastSeenSeq', { threadId: '@thread', lastSeenSeq: 'yesterday' }, 'BAD_USER_INPUT'],
      ['thread:read', 'seq', { threadId: '@thread', seq: -3 }, 'BAD_USER_INPUT'],
      ['typing', 'typing', { threadId: '@thread', typing: 'maybe' }, 'BAD_USER_INPUT'],
    ] as const)(
      '%s with a bad %s: an error ack naming the field, nothing written',
      async (event, field, payload, code) => {
        const thread = await ideaThread();
        const pat = await live(patient);
        const resolved =
          typeof payload === 'object' && payload !== null
            ? JSON.parse(JSON.stringify(payload).replaceAll('@thread', thread.id))
            : payload;
        const counts = async () => [
          await messageCount(),
          await app.prisma.messageReaction.count(),
          await app.prisma.threadReadMarker.count(),
          await app.prisma.notification.count(),
        ];
        const before = await counts();
        const ack = await pat.request(event, resolved);
        expect(ack).toMatchObject({ ok: false, error: { code, field } });
        expect(ack.ok === false && ack.error.message).toMatch(new RegExp(`^${field} `));
        expect(await counts()).toEqual(before);
      },
    );
  });

  describe('messages', () => {
    it('stores a message before sending it: the ack carries its id and seq, others get it with the seq before it', async () => {
      const thread = await ideaThread();
      const pat = await live(patient);
      const patOtherTab = await live(patient);
      const cleo = await live(clinician);
      for (const c of [pat, patOtherTab, cleo]) await c.ok('thread:join', { threadId: thread.id });

      const storedWhenReceived = cleo
        .next('message:new')
        .then(async (m: any) => ({ m, row: await app.prisma.message.findUnique({ where: { id: m.id } }) }));
      const first = await pat.send(thread.id, 'Could families get the **lab letter** by text?');
      if (!first.ok) throw new Error(JSON.stringify(first));
      const { m, row } = await storedWhenReceived;
      expect(row).not.toBeNull();
      expect(m).toMatchObject({
        id: first.data.message.id,
        seq: first.data.message.seq,
        prevSeq: '0',
        author: { userId: patient.userId, name: 'Pat Partner' },
      });
      expect(m.bodyHtml).toContain('<strong>lab letter</strong>');

      const second = await pat.send(thread.id, 'Or by the app?');
      const next = await cleo.next('message:new', (x: any) => second.ok && x.id === second.data.message.id);
      expect(next.prevSeq).toBe(first.data.message.seq);
      expect(BigInt(next.seq)).toBeGreaterThan(BigInt(first.data.message.seq));
      await patOtherTab.next('message:new', (x: any) => x.id === next.id);
      expect(pat.newMessages(thread.id)).toEqual([]);
    });

    it('answers a retried send with the stored message, never a duplicate, even when both arrive at once', async () => {
      const thread = await ideaThread();
      const pat = await live(patient);
      const cleo = await live(clinician);
      await cleo.ok('thread:join', { threadId: thread.id });
      const clientId = newClientId();
      const original = await pat.send(thread.id, 'Only once', { clientId });
      const retry = await pat.send(thread.id, 'Only once', { clientId });
      expect(original.ok && retry.ok).toBe(true);
      if (!original.ok || !retry.ok) return;
      expect(retry.data).toMatchObject({
        created: false,
        message: { id: original.data.message.id, seq: original.data.message.seq },
      });

      const racing = newClientId();
      const [a, b] = await Promise.all([
        pat.send(thread.id, 'Racing', { clientId: racing }),
        pat.send(thread.id, 'Racing', { clientId: racing }),
      ]);
      expect(a.ok && b.ok && a.data.message.id === b.data.message.id).toBe(true);
      expect(a.ok && b.ok && [a.data.created, b.data.created].sort()).toEqual([false, true]);
      expect(await app.prisma.message.count({ where: { threadId: thread.id } })).toBe(2);

      const barrier = await pat.send(thread.id, 'barrier');
      await cleo.next('message:new', (x: any) => barrier.ok && x.id === barrier.data.message.id);
      expect(cleo.newMessages(thread.id).map((x) => x.body)).toEqual(['Only once', 'Racing', 'barrier']);

      const elsewhere = await ideaThread();
      expect(await pat.send(elsewhere.id, 'Only once', { clientId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', field: 'clientId' },
      });
    });

    it('chains concurrent messages of one thread by seq: each names the one committed before it', async () => {
      const thread = await ideaThread();
      const pat = await live(patient);
      const cleo = await live(clinician);
      const acks = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? pat : cleo).send(thread.id, `burst ${i}`)),
      );
      expect(acks.every((a) => a.ok)).toBe(true);
      const reader = await live(researcher);
      const joined = await reader.ok('thread:join', { threadId: thread.id, lastSeenSeq: '0' });
      expect(joined.messages).toHaveLength(12);
      const watcher = await live(admin);
      await watcher.ok('thread:join', { threadId: thread.id });
      const more = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? pat : cleo).send(thread.id, `second burst ${i}`)),
      );
      const seqs = more.map((a) => (a.ok ? a.data.message.seq : '')).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
      for (const seq of seqs) await watcher.next('message:new', (m: any) => m.seq === seq);
      const chain = watcher.newMessages(thread.id).sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
      expect(chain[0].prevSeq).toBe(joined.messages.at(-1).seq);
      chain.slice(1).forEach((m, i) => expect(m.prevSeq).toBe(chain[i].seq));
    });

    it('renders Markdown sanitised: no script, no javascript: links, no raw HTML', async () => {
      const thread = await ideaThread();
      const pat = await live(patient);
      const ack = await pat.send(
        thread.id,
        '<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)> *fine*',
      );
      if (!ack.ok) throw new Error(JSON.stringify(ack));
      const html = ack.data.message.bodyHtml;
      expect(html).not.toMatch(/<script|<img|href="javascript/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('<em>fine</em>');
    });

    it('keeps replies one level deep and tells the author of the message replied to', async () => {
      const thread = await ideaThread();
      const pat = await live(patient);
      const cleo = await live(clinician);
      const parent = await pat.send(thread.id, 'What do you think?');
      if (!parent.ok) throw new Error('send failed');
      const reply = await cleo.send(thread.id, 'Good idea', { parentId: parent.data.message.id });
      expect(reply.ok && reply.data.message.parentId).toBe(parent.data.message.id);
      if (!reply.ok) return;
      expect(await cleo.send(thread.id, 'Deeper', { parentId: reply.data.message.id })).toMatchObject({
        ok: false,
        error: { code: 'BAD_USER_INPUT', field: 'parentId' },
      });
      const other = await ideaThread();
      expect(await cleo.send(other.id, 'Wrong thread', { parentId: parent.data.message.id })).toMatchObject({
        ok: false,
        error: { code: 'BAD_USER_INPUT', field: 'parentId' },
      });
      const notices = await app.prisma.notification.findMany({
        where: { kind: 'REPLY', subjectId: reply.data.message.id },
      });
      expect(notices.map((n) => n.userId)).toEqual([patient.userId]);
      expect(notices[0]).toMatchObject({ networkId, subjectType: 'MESSAGE', actorId: clinician.userId });
      expect(notices[0].payload).toMatchObject({
        threadId: thread.id,
        threadSubjectType: 'CHANGE_IDEA',
        excerpt: 'Good idea',
        actorName: 'Cleo Clinician',
      });
    });

    it('turns @mentions of members who may read the thread into mention rows, notifications and profile links', async () => {
      const group = await newGroup('INVITE_ONLY', [patient, clinician]);
      const thread = await threadOf(patient, 'GROUP', group.id);
      const pat = await live(patient);
      const body = `Thoughts, ${mentionToken('Cleo', clinician.userId)} and ${mentionToken('Ravi', researcher.userId)}? Not ${mentionToken('me', patient.userId)}.`;
      const ack = await pat.send(thread.id, body);
      if (!ack.ok) throw new Error(JSON.stringify(ack));
      const id = ack.data.message.id;
      expect((await app.prisma.messageMention.findMany({ where: { messageId: id } })).map((m) => m.userId)).toEqual([
        clinician.userId,
      ]);
      const notices = await app.prisma.notification.findMany({ where: { kind: 'MENTION', subjectId: id } });
      expect(notices.map((n) => n.userId)).toEqual([clinician.userId]);
      expect(notices[0].payload).toMatchObject({
        excerpt: 'Thoughts, @Cleo and @Ravi? Not @me.',
        threadSubjectType: 'GROUP',
        threadSubjectId: group.id,
      });
      // The notification list names what the thread is about and links to it.
      const listed = await clinician.client.ok(
        `query($networkId: ID!) { notifications(networkId: $networkId, first: 20) { nodes { kind title link detail actorName } } }`,
        { networkId },
      );
      expect(listed.notifications.nodes.find((n: any) => n.kind === 'MENTION')).toEqual({
        kind: 'MENTION',
        title: group.name,
        link: `groups/${group.id}#message-${id}`,
        detail: 'Thoughts, @Cleo and @Ravi? Not @me.',
        actorName: 'Pat Partner',
      });
      expect(ack.data.message.bodyHtml).toContain(
        `<a href="/n/${networkSlug}/members/${clinician.userId}" rel="noopener noreferrer nofollow">@Cleo Clinician</a>`,
      );
      expect(ack.data.message.bodyHtml).toContain('@Ravi?');
      expect(ack.data.message.bodyHtml).not.toContain(researcher.userId);
    });

    it('keeps the earlier body as history when the author edits; only she may', async () => {
      const thread = await ideaThread();
      const pat = await live(patient);
      const cleo = await live(clinician);
      await cleo.ok('thread:join', { threadId: thread.id });
      const sent = await pat.send(thread.id, 'First wording');
      if (!sent.ok) throw new Error('send failed');
      const id = sent.data.message.id;
      const edited = await pat.ok('message:edit', {
        messageId: id,
        body: `Second wording, ${mentionToken('Cleo', clinician.userId)}`,
      });
      expect(edited.message).toMatchObject({
        id,
        seq: sent.data.message.seq,
        body: expect.stringContaining('Second wording'),
      });
      const update = await cleo.next('message:updated', (m: any) => m.id === id);
      expect(update).toMatchObject({ seq: sent.data.message.seq, editedAt: expect.any(String) });
      expect(
        await app.prisma.notification.count({ where: { kind: 'MENTION', subjectId: id, userId: clinician.userId } }),
      ).toBe(1);

      expect(await cleo.request('message:edit', { messageId: id, body: 'Hijacked' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await (await live(admin)).request('message:edit', { messageId: id, body: 'Moderated' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });

      const { thread: t } = await patient.client.ok(MESSAGES, { type: 'CHANGE_IDEA', id: thread.subjectId });
      const node = t.messages.nodes.find((n: any) => n.id === id);
      expect(node.revisions.map((r: any) => r.body)).toEqual(['First wording']);
      expect(node).toMatchObject({ viewerCanEdit: true, viewerCanDelete: true });
    });

    it('deletes as a visible tombstone: the text and its history gone, the fact kept; authors and admins only', async () => {
      const thread = await ideaThread();
      const pat = await live(patient);
      const cleo = await live(clinician);
      await cleo.ok('thread:join', { threadId: thread.id });
      const sent = await pat.send(thread.id, 'Something I regret');
      if (!sent.ok) throw new Error('send failed');
      const id = sent.data.message.id;
      await pat.ok('message:edit', { messageId: id, body: 'Something I regret, edited' });
      expect(await cleo.request('message:delete', { messageId: id })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });

      const deleted = await pat.ok('message:delete', { messageId: id });
      expect(deleted.message).toMatchObject({ id, seq: sent.data.message.seq, deleted: true, body: '', bodyHtml: '' });
      expect(await cleo.next('message:updated', (m: any) => m.id === id && m.deleted)).toMatchObject({
        body: '',
        seq: sent.data.message.seq,
      });
      const row = await app.prisma.message.findUnique({ where: { id }, include: { revisions: true } });
      expect(row).toMatchObject({ body: '', deletedById: patient.userId, revisions: [] });
      expect(await pat.request('message:edit', { messageId: id, body: 'Back again' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });

      const cleoSent = await cleo.send(thread.id, 'Off-topic');
      if (!cleoSent.ok) throw new Error('send failed');
      expect(
        (await (await live(admin)).ok('message:delete', { messageId: cleoSent.data.message.id })).message.deleted,
      ).toBe(true);

      const { thread: t } = await patient.client.ok(MESSAGES, { type: 'CHANGE_IDEA', id: thread.subjectId });
      expect(t.messages.nodes.map((n: any) => [n.deleted, n.body, n.revisions.length])).toEqual([
        [true, '', 0],
        [true, '', 0],
      ]);
    });

    it('toggles reactions and sends the summary to the thread', async () => {
      const thread = await ideaThread();
      const pat = await live(patient);
      const cleo = await live(clinician);
      await pat.ok('thread:join', { threadId: thread.id });
      const sent = await pat.send(thread.id, 'Shall we test it at site A?');
      if (!sent.ok) throw new Error('send failed');
      const messageId = sent.data.message.id;
      const on = await cleo.ok('reaction:toggle', { messageId, emoji: '👍' });
      expect(on).toMatchObject({
        reacted: true,
        seq: sent.data.message.seq,
        reactions: [{ emoji: '👍', count: 1, userIds: [clinician.userId] }],
      });
      expect(await pat.next('message:reactions', (r: any) => r.messageId === messageId)).toMatchObject({
        seq: sent.data.message.seq,
        reactions: on.reactions,
      });
      await pat.ok('reaction:toggle', { messageId, emoji: '👍' });
      await pat.ok('reaction:toggle', { messageId, emoji: '🎉' });
      const { thread: t } = await patient.client.ok(MESSAGES, { type: 'CHANGE_IDEA', id: thread.subjectId });
      expect(t.messages.nodes[0].reactions).toEqual([
        { emoji: '👍', count: 2, viewerReacted: true, userIds: [clinician.userId, patient.userId] },
        { emoji: '🎉', count: 1, viewerReacted: true, userIds: [patient.userId] },
      ]);
      expect(await cleo.ok('reaction:toggle', { messageId, emoji: '👍' })).toMatchObject({
        reacted: false,
        reactions: [
          { emoji: '👍', count: 1 },
          { emoji: '🎉', count: 1 },
        ],
      });
    });

    it('sends typing to the others in the thread, throttled, and stores nothing', async () => {
      const thread = await ideaThread();
      const pat = await live(patient);
      const cleo = await live(clinician);
      await cleo.ok('thread:join', { threadId: thread.id });
      await pat.ok('thread:join', { threadId: thread.id });
      expect(await pat.ok('typing', { threadId: thread.id, typing: true })).toEqual({ sent: true });
      expect(await pat.ok('typing', { threadId: thread.id, typing: true })).toEqual({ sent: false });
      expect(await cleo.next('typing', (t: any) => t.threadId === thread.id)).toEqual({
        threadId: thread.id,
        userId: patient.userId,
        name: 'Pat Partner',
        typing: true,
      });
      expect(await pat.ok('typing', { threadId: thread.id, typing: false })).toEqual({ sent: true });
      await cleo.next('typing', (t: any) => t.threadId === thread.id && !t.typing);
      expect(pat.received.filter((r) => r.event === 'typing')).toEqual([]);
      expect(
        await (
          await live(familyB)
        ).request('typing', { threadId: (await threadOf(clinician, 'SITE', siteA)).id, typing: true }),
      ).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });
  });

  describe('read markers and unread counts', () => {
    it("counts the messages of others after a member's read marker, and pushes changes to her other sockets", async () => {
      const thread = await ideaThread();
      const cleoReading = await live(clinician);
      const cleoNav = await live(clinician);
      const pat = await live(patient);
      await cleoReading.ok('thread:join', { threadId: thread.id });
      const own = await cleoReading.send(thread.id, 'I follow this one');
      if (!own.ok) throw new Error('send failed');
      const seqs: string[] = [];
      for (const body of ['one', 'two', 'three']) {
        const ack = await pat.send(thread.id, body);
        if (ack.ok) seqs.push(ack.data.message.seq);
      }
      const activity = await cleoNav.next(
        'thread:activity',
        (a: any) => a.threadId === thread.id && a.lastMessageSeq === seqs[2],
      );
      expect(activity.networkId).toBe(networkId);
      const unread = (await clinician.client.ok(UNREAD, { networkId })).unreadThreads;
      expect(unread.threads.find((t: any) => t.thread.id === thread.id)).toEqual({
        unread: 3,
        lastReadSeq: own.data.message.seq,
        thread: { id: thread.id },
      });
      expect(unread.totalUnread).toBeGreaterThanOrEqual(3);

      const read = await cleoReading.ok('thread:read', { threadId: thread.id, seq: seqs[0] });
      expect(read).toEqual({ threadId: thread.id, networkId, unread: 2, lastReadSeq: seqs[0] });
      expect(await cleoNav.next('thread:unread', (u: any) => u.threadId === thread.id)).toEqual(read);
      expect(cleoReading.received.filter((r) => r.event === 'thread:unread')).toEqual([]);

      expect(await cleoReading.ok('thread:read', { threadId: thread.id, seq: '1' })).toMatchObject({
        unread: 2,
        lastReadSeq: seqs[0],
      });
      expect(await cleoReading.ok('thread:read', { threadId: thread.id, seq: '999999999999' })).toMatchObject({
        unread: 0,
        lastReadSeq: seqs[2],
      });
      const after = await clinician.client.ok(THREAD, { type: 'CHANGE_IDEA', id: thread.subjectId });
      expect(after.thread).toMatchObject({ unreadCount: 0, lastReadSeq: seqs[2], lastMessageSeq: seqs[2] });
      expect(
        (await clinician.client.ok(UNREAD, { networkId })).unreadThreads.threads.find(
          (t: any) => t.thread.id === thread.id,
        ),
      ).toBeUndefined();
    });
  });

  describe('authorisation on every event', () => {
    it('takes a member out of a group thread live when an owner removes her, and readers out of a resource thread when an admin hides it', async () => {
      const group = await newGroup('INVITE_ONLY', [patient, researcher]);
      const groupThread = await threadOf(patient, 'GROUP', group.id);
      const ravi = await live(researcher);
      await ravi.ok('thread:join', { threadId: groupThread.id });
      await patient.client.ok(REMOVE_MEMBER, { groupId: group.id, userId: researcher.userId });
      expect(await ravi.next('thread:revoked')).toEqual({ threadId: groupThread.id });

      const resource = await newResource(patient, networkId);
      const resourceThread = await threadOf(clinician, 'RESOURCE', resource.id);
      const [cleo, pat] = [await live(clinician), await live(patient)];
      await cleo.ok('thread:join', { threadId: resourceThread.id });
      await pat.ok('thread:join', { threadId: resourceThread.id });
      await admin.client.ok(
        `mutation($id: ID!) { hideResource(resourceId: $id, reason: "Shares a child's full name") { id hidden } }`,
        { id: resource.id },
      );
      expect(await cleo.next('thread:revoked')).toEqual({ threadId: resourceThread.id });
      // Its author still sees a hidden resource, and so stays in its thread.
      expect((await pat.send(resourceThread.id, 'I will fix the name')).ok).toBe(true);
    });

    it('stops a member removed from a group mid-session from posting, reading or catching up', async () => {
      const group = await newGroup('INVITE_ONLY', [patient, researcher]);
      const thread = await threadOf(patient, 'GROUP', group.id);
      const ravi = await live(researcher);
      await ravi.ok('thread:join', { threadId: thread.id });
      expect((await ravi.send(thread.id, 'Glad to be here')).ok).toBe(true);

      await app.prisma.groupMembership.delete({
        where: { groupId_userId: { groupId: group.id, userId: researcher.userId } },
      });
      // What the groups capability calls after a membership change: her sockets stop hearing the thread at once.
      expect(await app.server.app.get(ThreadsService).recheckLiveAccess('GROUP', group.id)).toBe(1);
      expect(await ravi.next('thread:revoked')).toEqual({ threadId: thread.id });
      const watcher = await live(patient);
      const watching = await watcher.join(thread.id);
      expect(watching.ok && watching.data.presence.map((p) => p.userId)).toEqual([patient.userId]);
      const before = await messageCount();
      expect(await ravi.send(thread.id, 'Still here?')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await ravi.request('thread:catch-up', { threadId: thread.id, afterSeq: '0' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await ravi.join(thread.id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await messageCount()).toBe(before);
      const pat = await live(patient);
      const joined = await pat.join(thread.id);
      expect(joined.ok && joined.data.presence.map((p) => p.userId)).toEqual([patient.userId]);
    });
  });

  describe('catching up', () => {
    it('gives a rejoining client exactly the messages after its last seen seq, in pages, none twice', async () => {
      const thread = await ideaThread();
      const pat = await live(patient);
      const first = await pat.send(thread.id, 'before the drop');
      if (!first.ok) throw new Error('send failed');
      const cleo = await live(clinician);
      const sent: string[] = [];
      for (let i = 1; i <= 5; i += 1) {
        const ack = await cleo.send(thread.id, `missed ${i}`);
        if (ack.ok) sent.push(ack.data.message.id);
      }
      const joined = await pat.ok('thread:join', {
        threadId: thread.id,
        lastSeenSeq: first.data.message.seq,
        limit: 2,
      });
      const got = [...joined.messages];
      let more = joined.hasMore;
      while (more) {
        const page = await pat.ok('thread:catch-up', { threadId: thread.id, afterSeq: got.at(-1).seq, limit: 2 });
        got.push(...page.messages);
        more = page.hasMore;
      }
      expect(got.map((m: any) => m.id)).toEqual(sent);
      expect(joined.lastMessageSeq).toBe(got.at(-1).seq);

      const fresh = await (await live(researcher)).ok('thread:join', { threadId: thread.id, limit: 3 });
      expect(fresh.changed).toEqual([]);
      expect(fresh.messages.map((m: any) => m.body)).toEqual(['missed 3', 'missed 4', 'missed 5']);
    });
  });

  describe('catching up on edits and deletions', () => {
    it('also returns the messages it holds that were edited or deleted while it was away', async () => {
      const thread = await ideaThread();
      const pat = await live(patient);
      const kept = await pat.send(thread.id, 'stays as it is');
      const toEdit = await pat.send(thread.id, 'to be edited');
      const toDelete = await pat.send(thread.id, 'to be deleted');
      if (!kept.ok || !toEdit.ok || !toDelete.ok) throw new Error('send failed');
      const cleo = await live(clinician);
      const held = await cleo.ok('thread:join', { threadId: thread.id });
      const since = held.messages
        .map((m: any) => m.editedAt ?? m.deletedAt ?? m.createdAt)
        .sort()
        .at(-1);
      const lastSeenSeq = held.messages.at(-1).seq;
      cleo.close();

      await pat.ok('message:edit', { messageId: toEdit.data.message.id, body: 'edited while Cleo was away' });
      await pat.ok('message:delete', { messageId: toDelete.data.message.id });
      const back = await (
        await live(clinician)
      ).ok('thread:join', { threadId: thread.id, lastSeenSeq, changesSince: since });
      expect(back.messages).toEqual([]);
      expect(back.changed.map((m: any) => [m.id, m.body, m.deleted])).toEqual([
        [toEdit.data.message.id, 'edited while Cleo was away', false],
        [toDelete.data.message.id, '', true],
      ]);
    });
  });

  describe('history over GraphQL', () => {
    it('pages top-level messages newest first, each page oldest first, with replies nested', async () => {
      const thread = await ideaThread();
      const pat = await live(patient);
      const ids: string[] = [];
      for (let i = 1; i <= 5; i += 1) {
        const ack = await pat.send(thread.id, `top ${i}`);
        if (ack.ok) ids.push(ack.data.message.id);
      }
      const cleo = await live(clinician);
      await cleo.send(thread.id, 'reply to 5', { parentId: ids[4] });
      await cleo.send(thread.id, 'reply to 4', { parentId: ids[3] });
      await pat.send(thread.id, 'second reply to 5', { parentId: ids[4] });

      const first = (await clinician.client.ok(MESSAGES, { type: 'CHANGE_IDEA', id: thread.subjectId, last: 2 })).thread
        .messages;
      expect(first.nodes.map((n: any) => [n.body, n.replyCount, n.replies.map((r: any) => r.body)])).toEqual([
        ['top 4', 1, ['reply to 4']],
        ['top 5', 2, ['reply to 5', 'second reply to 5']],
      ]);
      expect(first.nodes[1]).toMatchObject({ viewerCanEdit: false, viewerCanDelete: false });
      expect(first.hasMore).toBe(true);
      const second = (
        await clinician.client.ok(MESSAGES, {
          type: 'CHANGE_IDEA',
          id: thread.subjectId,
          last: 2,
          before: first.beforeCursor,
        })
      ).thread.messages;
      expect(second.nodes.map((n: any) => n.body)).toEqual(['top 2', 'top 3']);
      const third = (
        await clinician.client.ok(MESSAGES, {
          type: 'CHANGE_IDEA',
          id: thread.subjectId,
          last: 2,
          before: second.beforeCursor,
        })
      ).thread.messages;
      expect(third).toMatchObject({ hasMore: false, nodes: [{ body: 'top 1' }] });

      const bad = await clinician.client.gql(MESSAGES, { type: 'CHANGE_IDEA', id: thread.subjectId, last: 0 });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
    });

    it('offers the same writes as mutations for clients without a live connection', async () => {
      const thread = await ideaThread();
      const sent = await patient.client.ok(
        `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id seq body } }`,
        {
          input: { threadId: thread.id, clientId: newClientId(), body: 'From a form' },
        },
      );
      expect(sent.sendMessage.body).toBe('From a form');
      const bad = await patient.client.gql(
        `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
        {
          input: { threadId: thread.id, clientId: newClientId(), body: '' },
        },
      );
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
      const toggled = await clinician.client.ok(
        `mutation($id: ID!) { toggleReaction(messageId: $id, emoji: "💡") { reacted reactions { emoji count viewerReacted } } }`,
        {
          id: sent.sendMessage.id,
        },
      );
      expect(toggled.toggleReaction).toEqual({
        reacted: true,
        reactions: [{ emoji: '💡', count: 1, viewerReacted: true }],
      });
      const read = await clinician.client.ok(
        `mutation($t: ID!, $s: String!) { markThreadRead(threadId: $t, seq: $s) { unread lastReadSeq } }`,
        {
          t: thread.id,
          s: sent.sendMessage.seq,
        },
      );
      expect(read.markThreadRead).toEqual({ unread: 0, lastReadSeq: sent.sendMessage.seq });
    });
  });
});

describe('message rate limit (one app process, counters in memory)', () => {
  let app: TestApp;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    app = await TestApp.start({ MESSAGES_PER_WINDOW: '3', MESSAGE_WINDOW_SECONDS: '600' });
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await app.stop();
  });

  it("refuses a member's messages over the limit with TOO_MANY_REQUESTS and stores none of them; retries are still answered", async () => {
    const { admin, network } = await app.newNetwork(1);
    const member = await app.newMember(admin, network.id, 'PATIENT_PARTNER', null);
    const idea = await newIdea(member, network.id);
    const thread = (await member.client.ok(THREAD, { type: 'CHANGE_IDEA', id: idea.id })).thread;
    const client = await LiveClient.open(app.url, member.client.cookie);
    clients.push(client);
    const clientIds = [newClientId(), newClientId(), newClientId()];
    for (const clientId of clientIds) expect((await client.send(thread.id, 'quick', { clientId })).ok).toBe(true);
    const refused = await client.send(thread.id, 'one too many');
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) },
    });
    expect(await app.prisma.message.count({ where: { threadId: thread.id } })).toBe(3);
    expect((await client.send(thread.id, 'quick', { clientId: clientIds[0] })).ok).toBe(true);
    const viaGraphql = await member.client.gql(
      `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
      {
        input: { threadId: thread.id, clientId: newClientId(), body: 'by form' },
      },
    );
    expect(viaGraphql.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    const other = await app.newMember(admin, network.id, 'RESEARCHER', null);
    const otherClient = await LiveClient.open(app.url, other.client.cookie);
    clients.push(otherClient);
    expect((await otherClient.send(thread.id, 'my own allowance')).ok).toBe(true);
  });
});
