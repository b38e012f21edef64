import http from 'node:http';
import { isStorableText } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newIdea } from '../test-support/change-ideas';
import { errorOf } from '../test-support/graphql-client';
import { LiveClient } from '../test-support/live-client';
import { newResource, SAMPLE_FILES, uploadAttachment } from '../test-support/resources';
import { TestApp, type TestMember } from '../test-support/test-app';
import { CSRF_HEADER } from './http/origin-check';

const NUL = 'Lab\u0000visits';
const LONE_SURROGATE = 'Lab \ud83d visits';
const THREAD = `query($id: ID!) { thread(subjectType: CHANGE_IDEA, subjectId: $id) { id } }`;

/** POSTs `body` to /graphql with `headers`; returns status and the parsed answer. */
async function postRaw(app: TestApp, body: string, headers: Record<string, string>) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { [CSRF_HEADER]: '1', ...headers },
    body,
  });
  return {
    status: response.status,
    body: (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

/** Sends a multipart upload whose body stops half way (the connection then ends). */
function truncatedUpload(app: TestApp, member: TestMember, resourceId: string): Promise<{ status: number; body: any }> {
  const boundary = '----commons-truncated';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="plan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  const partial = Buffer.concat([Buffer.from(head), SAMPLE_FILES.pdf.subarray(0, 20)]);
  const url = new URL(`${app.url}/files/resources/${resourceId}/attachments`);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie: member.client.cookie!,
          [CSRF_HEADER]: '1',
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    request.on('error', reject);
    // No closing boundary: the form ends in the middle of the file.
    request.end(partial);
  });
}

describe('malformed input is answered with a 4xx and an honest code, never a 500', () => {
  let app: TestApp;
  let admin: TestMember;
  let patient: TestMember;
  let networkId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(1);
    admin = made.admin;
    networkId = made.network.id;
    patient = await app.newMember(admin, networkId, 'PATIENT_PARTNER', made.sites[0].id);
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('documents that do not validate', () => {
    it.each([
      [
        'a fragment cycle',
        `{ me { ...A } } fragment A on Profile { id ...B } fragment B on Profile { name ...A }`,
        /within itself/i,
      ],
      ['a fragment that spreads itself', `{ me { ...A } } fragment A on Profile { id ...A }`, /within itself/i],
      ['an unknown fragment', `{ me { ...Nowhere } }`, /Unknown fragment/i],
    ])('refuses %s with 400 GRAPHQL_VALIDATION_FAILED', async (_, query, message) => {
      const result = await patient.client.gql(query);

      expect(result.status).toBe(400);
      expect(errorOf(result).code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.errors!.map((e) => e.message).join(' ')).toMatch(message);
      expect(result.data).toBeNull();
    });
  });

  describe('requests that are not a GraphQL request', () => {
    it('refuses a text/plain body with 4xx BAD_REQUEST', async () => {
      const result = await postRaw(app, JSON.stringify({ query: '{ me { id } }' }), { 'content-type': 'text/plain' });

      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(result.status).toBeLessThan(500);
      expect(result.body.errors![0].extensions?.code).toBe('BAD_REQUEST');
    });

    it('refuses a mutation sent as a GET with 405 BAD_REQUEST', async () => {
      const query = encodeURIComponent(`mutation { updateProfile(input: { name: "Linked" }) { name } }`);

      const response = await fetch(`${app.url}/graphql?query=${query}`, {
        headers: { cookie: patient.client.cookie!, [CSRF_HEADER]: '1' },
      });

      expect(response.status).toBe(405);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    });

    it('refuses a body without a query with 400 BAD_REQUEST', async () => {
      const result = await postRaw(app, JSON.stringify({ variables: {} }), { 'content-type': 'application/json' });

      expect(result.status).toBe(400);
      expect(result.body.errors![0].extensions?.code).toBe('BAD_REQUEST');
    });
  });

  describe('text that PostgreSQL cannot store (NUL, an unpaired surrogate)', () => {
    const PROFILE = `mutation($input: ProfileInput!) { updateProfile(input: $input) { bio } }`;
    const START_GROUP = `mutation($networkId: ID!, $input: GroupInput!) { startGroup(networkId: $networkId, input: $input) { id } }`;
    const POST = `mutation($networkId: ID!, $input: ResourceInput!) { postResource(networkId: $networkId, input: $input) { id } }`;
    const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;

    it.each([
      ['a NUL', NUL],
      ['an unpaired surrogate', LONE_SURROGATE],
    ])(
      'is refused with BAD_USER_INPUT naming the field, with %s in a resource title, a bio, a group name and a message',
      async (_, text) => {
        const idea = await newIdea(patient, networkId);
        const threadId = (await patient.client.ok(THREAD, { id: idea.id })).thread.id;
        const attempts = {
          title: await patient.client.gql(POST, {
            networkId,
            input: { kind: 'TOOL', title: text, summary: '', body: 'Body', tags: [], audiences: [], siteId: null },
          }),
          bio: await patient.client.gql(PROFILE, {
            input: { name: patient.name, bio: text, interests: [], pronouns: null, locale: null },
          }),
          group: await patient.client.gql(START_GROUP, {
            networkId,
            input: { name: text, purpose: '', visibility: 'OPEN' },
          }),
          message: await patient.client.gql(SEND, { input: { threadId, clientId: 'fuzz-client-1', body: text } }),
        };

        expect(
          Object.fromEntries(
            Object.entries(attempts).map(([key, result]) => [key, { status: result.status, ...errorOf(result) }]),
          ),
        ).toEqual({
          title: { status: 200, code: 'BAD_USER_INPUT', field: 'input.title' },
          bio: { status: 200, code: 'BAD_USER_INPUT', field: 'input.bio' },
          group: { status: 200, code: 'BAD_USER_INPUT', field: 'input.name' },
          message: { status: 200, code: 'BAD_USER_INPUT', field: 'input.body' },
        });
        expect(await app.prisma.message.count({ where: { threadId } })).toBe(0);
      },
    );

    it('refuses a message with a NUL sent over the live connection, naming its body', async () => {
      const idea = await newIdea(patient, networkId);
      const threadId = (await patient.client.ok(THREAD, { id: idea.id })).thread.id;
      const live = await LiveClient.open(app.url, patient.client.cookie);
      try {
        await live.ok('thread:join', { threadId });

        const acks = [await live.send(threadId, NUL), await live.send(threadId, LONE_SURROGATE)];

        expect(acks).toEqual([
          { ok: false, error: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'body' }) },
          { ok: false, error: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'body' }) },
        ]);
        expect(await app.prisma.message.count({ where: { threadId } })).toBe(0);
      } finally {
        live.close();
      }
    });

    it.each([1, 2])(
      'stores a mention in a message of emoji, its notification excerpt cut between two emoji (offset %i)',
      async (offset) => {
        const idea = await newIdea(patient, networkId);
        const threadId = (await patient.client.ok(THREAD, { id: idea.id })).thread.id;
        const body = `@[${admin.name}](user:${admin.userId}) ${'x'.repeat(offset)}${'😀'.repeat(100)}`;

        const sent = await patient.client.gql(
          `mutation($input: SendMessageInput!) { sendMessage(input: $input) { body } }`,
          {
            input: { threadId, clientId: `emoji-excerpt-${offset}`, body },
          },
        );

        expect(sent.errors).toBeUndefined();
        expect(sent.data.sendMessage.body).toBe(body);
        const notification = await app.prisma.notification.findFirstOrThrow({
          where: { userId: admin.userId, kind: 'MENTION' },
          orderBy: { createdAt: 'desc' },
        });
        const texts: string[] = [];
        JSON.stringify(notification, (_, value) => (typeof value === 'string' && texts.push(value), value));
        expect(texts.every(isStorableText)).toBe(true);
      },
    );

    it('refuses a NUL in a string argument no schema checks (a search query), naming it', async () => {
      const result = await patient.client.gql(
        `query($networkId: ID!, $q: String!) { search(networkId: $networkId, query: $q) { totalCount } }`,
        { networkId, q: NUL },
      );

      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'query' });
    });
  });

  describe('uploads', () => {
    it('refuses a malformed 26-byte zip named .docx with 400', async () => {
      const resource = await newResource(patient, networkId);
      // A local-file signature, then an end-of-archive record for an empty archive, cut short.
      const zip = Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04]),
        Buffer.from([0x50, 0x4b, 0x05, 0x06]),
        Buffer.alloc(18),
      ]);
      expect(zip.length).toBe(26);

      const uploaded = await uploadAttachment(app.url, patient, resource.id, { filename: 'plan.docx', content: zip });

      expect(uploaded.status).toBe(400);
      expect(uploaded.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
      expect(await app.prisma.attachment.count({ where: { resourceId: resource.id } })).toBe(0);
    });

    it('refuses a multipart body that ends half way with 400, saying so', async () => {
      const resource = await newResource(patient, networkId);

      const uploaded = await truncatedUpload(app, patient, resource.id);

      expect(uploaded.status).toBe(400);
      expect(uploaded.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
      expect(uploaded.body.error.message).toMatch(/incomplete|cut short|malformed/i);
      expect(await app.prisma.attachment.count({ where: { resourceId: resource.id } })).toBe(0);
    });
  });
});
