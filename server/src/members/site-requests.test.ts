import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/graphql-client';
import { LiveClient } from '../test-support/live-client';
import { TestApp, type TestMember } from '../test-support/test-app';

const SET_MY_SITE = `mutation($n: ID!, $s: ID) { setMySite(networkId: $n, siteId: $s) { site { id } } }`;
const REQUEST_SITE = `mutation($n: ID!, $s: ID!) { requestSite(networkId: $n, siteId: $s) { id status siteId siteName member { userId name role } requestedAt answeredBy { userId } } }`;
const CANCEL = `mutation($n: ID!) { cancelSiteRequest(networkId: $n) { id status answeredBy { userId } } }`;
const CONFIRM = `mutation($id: ID!) { confirmSiteRequest(requestId: $id) { id status answeredBy { userId name } answeredAt } }`;
const DECLINE = `mutation($id: ID!, $reason: String) { declineSiteRequest(requestId: $id, reason: $reason) { id status reason answeredBy { userId } } }`;
const LIST = `query($n: ID!, $s: ID) { siteRequests(networkId: $n, siteId: $s, first: 100) { totalCount nodes { id siteId member { userId role } } } }`;
const MY_REQUEST = `{ me { memberships { network { id } site { id } siteRequest { id status siteId reason answeredBy { name } } } } }`;
const NOTIFICATIONS = `query($n: ID!) { notifications(networkId: $n, first: 20) { nodes { kind subjectType subjectId title detail link } } }`;
const SITE_THREAD = `query($s: ID!) { thread(subjectType: SITE, subjectId: $s) { id } }`;

/** Joining a site as a patient, family member or researcher: a request, confirmed by the site's lead or an admin. */
describe('requests to join a site', () => {
  let app: TestApp;
  let networkId: string;
  let siteA: string;
  let siteB: string;
  let siteC: string;
  let admin: TestMember;
  let leadA: TestMember;
  let secondLeadA: TestMember;

  const myRequest = async (member: TestMember) =>
    (await member.client.ok(MY_REQUEST)).me.memberships.find(
      (m: { network: { id: string } }) => m.network.id === networkId,
    );
  const notificationsOf = async (member: TestMember) =>
    (await member.client.ok(NOTIFICATIONS, { n: networkId })).notifications.nodes;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(3);
    ({ admin } = made);
    networkId = made.network.id;
    [siteA, siteB, siteC] = made.sites.map((site) => site.id);
    leadA = await app.newMember(admin, networkId, 'SITE_LEAD', siteA, 'Lena Lead');
    secondLeadA = await app.newMember(admin, networkId, 'SITE_LEAD', siteA, 'Lou Lead');
  });
  afterAll(() => app?.stop());

  it('a patient asks to join site A: her site stays unset, she sees the request waiting, and both leads of A are notified', async () => {
    const patient = await app.newMember(admin, networkId, 'PATIENT_PARTNER', null, 'Pat Partner');

    const { requestSite } = await patient.client.ok(REQUEST_SITE, { n: networkId, s: siteA });

    expect(requestSite).toMatchObject({
      status: 'PENDING',
      siteId: siteA,
      siteName: 'Site A',
      member: { userId: patient.userId, name: 'Pat Partner', role: 'PATIENT_PARTNER' },
      answeredBy: null,
    });
    expect(await myRequest(patient)).toMatchObject({
      site: null,
      siteRequest: { id: requestSite.id, status: 'PENDING', siteId: siteA },
    });
    for (const lead of [leadA, secondLeadA]) {
      expect(await notificationsOf(lead)).toContainEqual({
        kind: 'SITE_REQUEST',
        subjectType: 'SITE_REQUEST',
        subjectId: requestSite.id,
        title: 'Site A',
        detail: null,
        link: 'invitations#site-requests',
      });
    }
    // Nobody else hears of it: not the admin (the site has leads), not the member herself.
    expect((await notificationsOf(admin)).filter((n: { subjectId: string }) => n.subjectId === requestSite.id)).toEqual(
      [],
    );
    expect(
      (await notificationsOf(patient)).filter((n: { subjectId: string }) => n.subjectId === requestSite.id),
    ).toEqual([]);
  });

  it("until confirmed the site's thread stays closed to her, over GraphQL and over the socket; after, it opens", async () => {
    const member = await app.newPendingMember(admin, networkId, 'FAMILY_MEMBER', siteA);
    const threadId = (await leadA.client.ok(SITE_THREAD, { s: siteA })).thread.id;
    expect(errorOf(await member.client.gql(SITE_THREAD, { s: siteA })).code).toBe('FORBIDDEN');
    const live = await LiveClient.open(app.url, member.client.cookie);
    try {
      expect((await live.join(threadId)).ok).toBe(false);
      expect((await live.send(threadId, 'Hello from outside')).ok).toBe(false);

      await app.confirmSiteRequest(leadA, member.requestId);

      expect((await member.client.ok(SITE_THREAD, { s: siteA })).thread.id).toBe(threadId);
      expect((await live.join(threadId)).ok).toBe(true);
    } finally {
      live.close();
    }
  });

  it('the lead confirms: her site becomes A, the record keeps who asked, who answered and when, and she is told', async () => {
    const member = await app.newPendingMember(admin, networkId, 'RESEARCHER', siteA);
    const before = new Date();

    const { confirmSiteRequest } = await leadA.client.ok(CONFIRM, { id: member.requestId });

    expect(confirmSiteRequest).toMatchObject({
      status: 'CONFIRMED',
      answeredBy: { userId: leadA.userId, name: 'Lena Lead' },
    });
    expect(await myRequest(member)).toMatchObject({
      site: { id: siteA },
      siteRequest: { status: 'CONFIRMED', answeredBy: { name: 'Lena Lead' } },
    });
    const record = await app.prisma.siteRequest.findUniqueOrThrow({ where: { id: member.requestId } });
    expect(record).toMatchObject({
      userId: member.userId,
      siteId: siteA,
      status: 'CONFIRMED',
      answeredById: leadA.userId,
      reason: '',
    });
    expect(record.answeredAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(record.requestedAt.getTime()).toBeLessThanOrEqual(record.answeredAt!.getTime());
    expect(await notificationsOf(member)).toContainEqual({
      kind: 'SITE_REQUEST_CONFIRMED',
      subjectType: 'SITE_REQUEST',
      subjectId: member.requestId,
      title: 'Site A',
      detail: null,
      link: 'sites',
    });
    // Answered once: a second answer is a CONFLICT and changes nothing.
    expect(errorOf(await secondLeadA.client.gql(DECLINE, { id: member.requestId, reason: 'late' })).code).toBe(
      'CONFLICT',
    );
    expect((await app.prisma.siteRequest.findUniqueOrThrow({ where: { id: member.requestId } })).status).toBe(
      'CONFIRMED',
    );
  });

  it('the lead declines with a reason: her site stays as it was, and she sees the reason', async () => {
    const member = await app.newPendingMember(admin, networkId, 'PATIENT_PARTNER', siteA);

    const { declineSiteRequest } = await leadA.client.ok(DECLINE, {
      id: member.requestId,
      reason: '  We could not find you in our clinic list.  ',
    });

    expect(declineSiteRequest).toMatchObject({
      status: 'DECLINED',
      reason: 'We could not find you in our clinic list.',
      answeredBy: { userId: leadA.userId },
    });
    expect(await myRequest(member)).toMatchObject({
      site: null,
      siteRequest: { status: 'DECLINED', reason: 'We could not find you in our clinic list.' },
    });
    expect(await notificationsOf(member)).toContainEqual(
      expect.objectContaining({
        kind: 'SITE_REQUEST_DECLINED',
        subjectId: member.requestId,
        detail: 'We could not find you in our clinic list.',
      }),
    );
  });

  it('declining without a reason is fine; a reason over 500 characters is BAD_USER_INPUT on reason and changes nothing', async () => {
    const member = await app.newPendingMember(admin, networkId, 'PATIENT_PARTNER', siteA);
    expect(errorOf(await leadA.client.gql(DECLINE, { id: member.requestId, reason: 'x'.repeat(501) }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect((await app.prisma.siteRequest.findUniqueOrThrow({ where: { id: member.requestId } })).status).toBe(
      'PENDING',
    );

    expect(
      (
        await leadA.client.ok(`mutation($id: ID!) { declineSiteRequest(requestId: $id) { status reason } }`, {
          id: member.requestId,
        })
      ).declineSiteRequest,
    ).toEqual({ status: 'DECLINED', reason: '' });
  });

  it('refuses malformed and unknown ids, sites of other networks and her own site, naming the field', async () => {
    const member = await app.newMember(admin, networkId, 'PATIENT_PARTNER', siteB);
    const elsewhere = await app.newNetwork(1);
    expect(errorOf(await leadA.client.gql(CONFIRM, { id: 'not-an-id' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'requestId',
    });
    expect(errorOf(await leadA.client.gql(CONFIRM, { id: '00000000-0000-4000-8000-000000000000' })).code).toBe(
      'NOT_FOUND',
    );
    expect(errorOf(await member.client.gql(REQUEST_SITE, { n: networkId, s: 'nope' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'siteId',
    });
    expect(errorOf(await member.client.gql(REQUEST_SITE, { n: networkId, s: elsewhere.sites[0].id }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'siteId',
    });
    expect(errorOf(await member.client.gql(REQUEST_SITE, { n: networkId, s: siteB }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'siteId',
    });
    expect(errorOf(await member.client.gql(CANCEL, { n: networkId })).code).toBe('NOT_FOUND');
    expect(await app.prisma.siteRequest.count({ where: { userId: member.userId } })).toBe(0);
  });

  it('a member of site B who asks for A keeps B until A is confirmed; asking again for C withdraws the request for A', async () => {
    const member = await app.newMember(admin, networkId, 'FAMILY_MEMBER', siteB);
    const first = (await member.client.ok(REQUEST_SITE, { n: networkId, s: siteA })).requestSite;
    expect((await myRequest(member)).site).toEqual({ id: siteB });
    // Asking again for the same site keeps the one request.
    expect((await member.client.ok(REQUEST_SITE, { n: networkId, s: siteA })).requestSite.id).toBe(first.id);

    const second = (await member.client.ok(REQUEST_SITE, { n: networkId, s: siteC })).requestSite;

    const rows = await app.prisma.siteRequest.findMany({
      where: { userId: member.userId },
      orderBy: { requestedAt: 'asc' },
      select: { id: true, siteId: true, status: true, answeredById: true },
    });
    expect(rows).toEqual([
      { id: first.id, siteId: siteA, status: 'CANCELLED', answeredById: member.userId },
      { id: second.id, siteId: siteC, status: 'PENDING', answeredById: null },
    ]);
    expect(errorOf(await leadA.client.gql(CONFIRM, { id: first.id })).code).toBe('CONFLICT');
    expect((await myRequest(member)).site).toEqual({ id: siteB });
  });

  it("a request to a site without a lead goes to the network's admins; she may withdraw it", async () => {
    const member = await app.newPendingMember(admin, networkId, 'PATIENT_PARTNER', siteC);
    expect(await notificationsOf(admin)).toContainEqual(
      expect.objectContaining({ kind: 'SITE_REQUEST', subjectId: member.requestId, title: 'Site C' }),
    );
    const ids = (list: { nodes: { id: string }[] }) => list.nodes.map((node) => node.id);
    expect(ids((await admin.client.ok(LIST, { n: networkId, s: siteC })).siteRequests)).toContain(member.requestId);
    expect(ids((await leadA.client.ok(LIST, { n: networkId })).siteRequests)).not.toContain(member.requestId);
    expect(errorOf(await leadA.client.gql(LIST, { n: networkId, s: siteC })).code).toBe('FORBIDDEN');

    expect((await member.client.ok(CANCEL, { n: networkId })).cancelSiteRequest).toMatchObject({
      id: member.requestId,
      status: 'CANCELLED',
      answeredBy: { userId: member.userId },
    });
    expect(ids((await admin.client.ok(LIST, { n: networkId, s: siteC })).siteRequests)).not.toContain(member.requestId);
  });

  it("an admin settling a member's role and site withdraws her waiting request; a deactivated member's request leaves the lists", async () => {
    const moved = await app.newPendingMember(admin, networkId, 'PATIENT_PARTNER', siteA);
    await admin.client.ok(
      `mutation($n: ID!, $u: ID!) { changeMemberRole(networkId: $n, userId: $u, role: CLINICIAN, siteId: "${siteB}") { role } }`,
      { n: networkId, u: moved.userId },
    );
    expect(
      await app.prisma.siteRequest.findUniqueOrThrow({
        where: { id: moved.requestId },
        select: { status: true, answeredById: true },
      }),
    ).toEqual({ status: 'CANCELLED', answeredById: admin.userId });
    expect(errorOf(await leadA.client.gql(CONFIRM, { id: moved.requestId })).code).toBe('CONFLICT');
    expect((await myRequest(moved)).site).toEqual({ id: siteB });

    const gone = await app.newPendingMember(admin, networkId, 'RESEARCHER', siteA);
    await admin.client.ok(`mutation($n: ID!, $u: ID!) { deactivateMember(networkId: $n, userId: $u) { active } }`, {
      n: networkId,
      u: gone.userId,
    });
    const listed = (await leadA.client.ok(LIST, { n: networkId })).siteRequests.nodes.map(
      (node: { id: string }) => node.id,
    );
    expect(listed).not.toContain(gone.requestId);
    expect(errorOf(await leadA.client.gql(CONFIRM, { id: gone.requestId })).code).toBe('CONFLICT');
  });

  it('ten requests sent at once by one member leave exactly one waiting', async () => {
    const member = await app.newMember(admin, networkId, 'PATIENT_PARTNER', null);
    const sites = [siteA, siteB, siteC];

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => member.client.gql(REQUEST_SITE, { n: networkId, s: sites[i % 3] })),
    );

    expect(results.every((result) => result.errors === undefined)).toBe(true);
    expect(await app.prisma.siteRequest.count({ where: { userId: member.userId, status: 'PENDING' } })).toBe(1);
  });

  it('a patient may still leave her site at once, and may no longer set one herself', async () => {
    const member = await app.newMember(admin, networkId, 'PATIENT_PARTNER', siteB);
    expect(errorOf(await member.client.gql(SET_MY_SITE, { n: networkId, s: siteA })).code).toBe('FORBIDDEN');
    expect((await member.client.ok(SET_MY_SITE, { n: networkId, s: null })).setMySite).toEqual({ site: null });
  });
});
