import { createHash } from 'node:crypto';
import http from 'node:http';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_RESOURCE } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/graphql-client';
import { downloadAttachment, newResource, SAMPLE_FILES, uploadAttachment } from '../test-support/resources';
import { TestApp, type TestMember } from '../test-support/test-app';
import { OFFICE_SAMPLES } from '../test-support/zip';

const ATTACHMENTS = `query($id: ID!) { resource(id: $id) { downloadCount attachments { id filename contentType size sha256 url version downloadCount } } }`;
const REMOVE = `mutation($id: ID!) { removeAttachment(attachmentId: $id) { id } }`;
const ADAPT = `mutation($id: ID!) { adaptResource(resourceId: $id) { id attachments { filename sha256 url } } }`;
const HIDE = `mutation($id: ID!) { hideResource(resourceId: $id, reason: "Under review") { id } }`;

/** Every file under `dir`, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('attachments: upload and download', () => {
  let app: TestApp;
  let dataDir: string;
  let networkId: string;
  let admin: TestMember;
  let author: TestMember;
  let other: TestMember;
  let outsider: TestMember;

  const upload = (
    member: TestMember | null,
    resourceId: string,
    filename: string,
    content: Buffer,
    extra: Record<string, unknown> = {},
  ) => uploadAttachment(app.url, member, resourceId, { filename, content, ...extra });
  const nothingStoredFor = async (resourceId: string) => {
    expect(await app.prisma.attachment.count({ where: { resourceId } })).toBe(0);
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'commons-attachments-'));
    app = await TestApp.start({ DATA_DIR: dataDir });
    const made = await app.newNetwork(2);
    admin = made.admin;
    networkId = made.network.id;
    author = await app.newMember(admin, networkId, 'CLINICIAN', made.sites[0].id);
    other = await app.newMember(admin, networkId, 'PATIENT_PARTNER', made.sites[1].id);
    outsider = (await app.newNetwork(1)).admin;
  });
  afterAll(async () => {
    await app?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores an upload under a generated key and serves it back as an attachment with a safe type', async () => {
    const resource = await newResource(author, networkId);

    const uploaded = await upload(author, resource.id, 'Flare plan.pdf', SAMPLE_FILES.pdf, {
      contentType: 'text/html',
    });

    expect(uploaded.status).toBe(201);
    const { attachment } = uploaded.body;
    expect(attachment).toMatchObject({
      filename: 'Flare plan.pdf',
      contentType: 'application/pdf',
      size: SAMPLE_FILES.pdf.length,
      sha256: createHash('sha256').update(SAMPLE_FILES.pdf).digest('hex'),
      version: 1,
      url: `/files/attachments/${attachment.id}`,
    });
    const row = await app.prisma.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    expect(row.storageKey).toBe(`attachments/${attachment.id.slice(0, 2)}/${attachment.id}`);
    expect(await filesUnder(dataDir)).toContain(path.join('files', row.storageKey));

    const downloaded = await downloadAttachment(app.url, other, attachment.url);
    expect(downloaded.status).toBe(200);
    expect(downloaded.bytes.equals(SAMPLE_FILES.pdf)).toBe(true);
    expect(downloaded.headers.get('content-type')).toBe('application/pdf');
    expect(downloaded.headers.get('content-disposition')).toBe('attachment; filename="Flare plan.pdf"');
    expect(downloaded.headers.get('x-content-type-options')).toBe('nosniff');
    expect(downloaded.headers.get('cache-control')).toBe('private, no-store');

    const { resource: after } = await other.client.ok(ATTACHMENTS, { id: resource.id });
    expect(after.downloadCount).toBe(1);
    const { createdAt, ...fields } = attachment;
    expect(Date.parse(createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(after.attachments).toEqual([{ ...fields, downloadCount: 1 }]);
  });

  it.each<[string, string, Buffer, string]>([
    [
      'a Word document',
      'Care plan.docx',
      OFFICE_SAMPLES.docx(),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'a spreadsheet',
      'Run chart data.xlsx',
      OFFICE_SAMPLES.xlsx(),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    ['an OpenDocument text', 'Skolbrev.odt', OFFICE_SAMPLES.odt(), 'application/vnd.oasis.opendocument.text'],
    ['a legacy Word file', 'Old letter.doc', OFFICE_SAMPLES.doc(), 'application/msword'],
    ['a photo', 'Poster.JPG', SAMPLE_FILES.jpeg, 'image/jpeg'],
    ['a PNG', 'Chart.png', SAMPLE_FILES.png, 'image/png'],
  ])('accepts %s, typed by its content', async (_, filename, content, contentType) => {
    const resource = await newResource(author, networkId);

    const uploaded = await upload(author, resource.id, filename, content);

    expect(uploaded.status).toBe(201);
    expect(uploaded.body.attachment).toMatchObject({ filename, contentType });
  });

  it('keeps an international file name, offering it back exactly in filename* with an ASCII fallback', async () => {
    const resource = await newResource(author, networkId);

    const swedish = await upload(author, resource.id, 'Årsrapport för Uppsala.pdf', SAMPLE_FILES.pdf);
    const dashed = await upload(author, resource.id, 'Zoë – plan.pdf', SAMPLE_FILES.pdf);

    expect(swedish.body.attachment.filename).toBe('Årsrapport för Uppsala.pdf');
    expect(
      (await downloadAttachment(app.url, author, swedish.body.attachment.url)).headers.get('content-disposition'),
    ).toBe(
      `attachment; filename="_rsrapport f_r Uppsala.pdf"; filename*=UTF-8''%C3%85rsrapport%20f%C3%B6r%20Uppsala.pdf`,
    );
    expect(
      (await downloadAttachment(app.url, author, dashed.body.attachment.url)).headers.get('content-disposition'),
    ).toBe(`attachment; filename="Zo_ _ plan.pdf"; filename*=UTF-8''Zo%C3%AB%20%E2%80%93%20plan.pdf`);
  });

  it.each([
    ['../../../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\windows\\win.pdf', 'win.pdf'],
    ['/var/lib/commons/files/attachments/x.pdf', 'x.pdf'],
    ['....//....//evil.pdf', 'evil.pdf'],
  ])('treats the file name %j only as a label (%j): the file goes under a generated key', async (filename, label) => {
    const resource = await newResource(author, networkId);
    const before = await filesUnder(dataDir);

    const uploaded = await upload(author, resource.id, filename, SAMPLE_FILES.pdf);

    expect(uploaded.status).toBe(201);
    expect(uploaded.body.attachment.filename).toBe(label);
    const added = (await filesUnder(dataDir)).filter((file) => !before.includes(file));
    expect(added).toEqual([
      path.join('files', 'attachments', uploaded.body.attachment.id.slice(0, 2), uploaded.body.attachment.id),
    ]);
  });

  it.each<[string, string, Buffer, string]>([
    ['HTML named as a PDF', 'plan.pdf', SAMPLE_FILES.html, 'is not a valid .pdf file'],
    ['a program named as a PDF', 'plan.pdf', SAMPLE_FILES.exe, 'is not a valid .pdf file'],
    ['a PNG named as a PDF', 'plan.pdf', SAMPLE_FILES.png, 'holds a PNG file but its name ends in .pdf'],
    ['a plain zip named as a Word document', 'plan.docx', OFFICE_SAMPLES.plainZip(), 'is not a valid .docx file'],
    ['a macro-enabled Word document', 'plan.docx', OFFICE_SAMPLES.docm(), 'is not a valid .docx file'],
    ['an SVG image', 'logo.svg', SAMPLE_FILES.svg, 'of type .svg is not accepted'],
    ['an HTML page', 'page.html', SAMPLE_FILES.html, 'of type .html is not accepted'],
    ['a program', 'setup.exe', SAMPLE_FILES.exe, 'of type .exe is not accepted'],
    ['a file without an extension', 'plan', SAMPLE_FILES.pdf, 'must have a file extension'],
  ])('refuses %s with 400 BAD_USER_INPUT on file, storing nothing', async (_, filename, content, message) => {
    const resource = await newResource(author, networkId);
    const before = await filesUnder(dataDir);

    const uploaded = await upload(author, resource.id, filename, content);

    expect(uploaded.status).toBe(400);
    expect(uploaded.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(uploaded.body.error.message).toContain(message);
    await nothingStoredFor(resource.id);
    expect(await filesUnder(dataDir)).toEqual(before);
  });

  it('refuses a file over the size limit with 413, storing nothing', async () => {
    const resource = await newResource(author, networkId);
    const tooBig = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - SAMPLE_FILES.pdf.length)]);

    const uploaded = await upload(author, resource.id, 'big.pdf', tooBig);

    expect(uploaded.status).toBe(413);
    expect(uploaded.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    await nothingStoredFor(resource.id);
  });

  it('accepts a file of exactly the size limit', async () => {
    const resource = await newResource(author, networkId);
    const limit = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES - SAMPLE_FILES.pdf.length)]);

    const uploaded = await upload(author, resource.id, 'exactly.pdf', limit);

    expect(uploaded.status).toBe(201);
    expect(uploaded.body.attachment.size).toBe(MAX_ATTACHMENT_BYTES);
  });

  it('answers 413 at once when the declared body is far over the limit, without reading it', async () => {
    const resource = await newResource(author, networkId);
    const { port } = new URL(app.url);

    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/files/resources/${resource.id}/attachments`,
          headers: {
            cookie: author.client.cookie!,
            'x-commons-csrf': '1',
            'content-type': 'multipart/form-data; boundary=x',
            'content-length': String(500 * 1024 * 1024),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.write('--x\r\n');
    });

    expect(status).toBe(413);
    await nothingStoredFor(resource.id);
  });

  it('refuses an upload without a file, or in another field, naming the file field', async () => {
    const resource = await newResource(author, networkId);

    const wrongField = await upload(author, resource.id, 'plan.pdf', SAMPLE_FILES.pdf, { field: 'document' });
    const empty = await upload(author, resource.id, 'plan.pdf', Buffer.alloc(0));

    expect([wrongField.status, wrongField.body.error.field]).toEqual([400, 'file']);
    expect([empty.status, empty.body.error.field]).toEqual([400, 'file']);
    await nothingStoredFor(resource.id);
  });

  it("needs the session, the CSRF header and the app's own origin", async () => {
    const resource = await newResource(author, networkId);

    expect((await upload(null, resource.id, 'plan.pdf', SAMPLE_FILES.pdf)).status).toBe(401);
    expect((await upload(author, resource.id, 'plan.pdf', SAMPLE_FILES.pdf, { csrf: false })).body.error.code).toBe(
      'FORBIDDEN',
    );
    const crossSite = await upload(author, resource.id, 'plan.pdf', SAMPLE_FILES.pdf, {
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    expect((await upload(author, resource.id, 'plan.pdf', SAMPLE_FILES.pdf, { origin: app.url })).status).toBe(201);
    expect(await app.prisma.attachment.count({ where: { resourceId: resource.id } })).toBe(1);
  });

  it('lets only the author and admins attach; others are FORBIDDEN, non-members NOT_FOUND', async () => {
    const resource = await newResource(author, networkId);

    expect((await upload(other, resource.id, 'plan.pdf', SAMPLE_FILES.pdf)).status).toBe(403);
    expect((await upload(outsider, resource.id, 'plan.pdf', SAMPLE_FILES.pdf)).status).toBe(404);
    expect((await upload(author, 'not-an-id', 'plan.pdf', SAMPLE_FILES.pdf)).body.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'resourceId',
    });
    expect((await upload(admin, resource.id, 'plan.pdf', SAMPLE_FILES.pdf)).status).toBe(201);
  });

  it(`limits a resource to ${MAX_ATTACHMENTS_PER_RESOURCE} attachments`, async () => {
    const resource = await newResource(author, networkId);
    for (let i = 0; i < MAX_ATTACHMENTS_PER_RESOURCE; i += 1) {
      expect((await upload(author, resource.id, `part ${i}.pdf`, SAMPLE_FILES.pdf)).status).toBe(201);
    }

    const one = await upload(author, resource.id, 'one too many.pdf', SAMPLE_FILES.pdf);

    expect([one.status, one.body.error.code, one.body.error.field]).toEqual([409, 'CONFLICT', 'file']);
  });

  it('serves downloads only to those who may see the resource', async () => {
    const resource = await newResource(author, networkId);
    const { attachment } = (await upload(author, resource.id, 'plan.pdf', SAMPLE_FILES.pdf)).body;

    expect((await downloadAttachment(app.url, outsider, attachment.url)).status).toBe(404);
    expect((await downloadAttachment(app.url, null, attachment.url)).status).toBe(401);
    await admin.client.ok(HIDE, { id: resource.id });
    expect((await downloadAttachment(app.url, other, attachment.url)).status).toBe(404);
    expect((await downloadAttachment(app.url, author, attachment.url)).status).toBe(200);
    expect((await downloadAttachment(app.url, admin, attachment.url)).status).toBe(200);
  });

  it.each([
    '/files/attachments/..%2F..%2F..%2Fpackage.json',
    '/files/attachments/%2e%2e%2fetc%2fpasswd',
    '/files/attachments/attachments%2F00%2Fx',
  ])('answers %s with 400 and no file', async (url) => {
    const downloaded = await downloadAttachment(app.url, author, url);

    expect(downloaded.status).toBe(400);
    expect(JSON.parse(downloaded.bytes.toString()).error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'attachmentId',
    });
  });

  it('takes an attachment off (author or admin) but keeps its file', async () => {
    const resource = await newResource(author, networkId);
    const { attachment } = (await upload(author, resource.id, 'old.pdf', SAMPLE_FILES.pdf)).body;
    const row = await app.prisma.attachment.findUniqueOrThrow({ where: { id: attachment.id } });

    expect(errorOf(await other.client.gql(REMOVE, { id: attachment.id })).code).toBe('FORBIDDEN');
    await author.client.ok(REMOVE, { id: attachment.id });

    expect((await author.client.ok(ATTACHMENTS, { id: resource.id })).resource.attachments).toEqual([]);
    expect((await downloadAttachment(app.url, author, attachment.url)).status).toBe(404);
    expect((await stat(path.join(dataDir, 'files', row.storageKey))).size).toBe(SAMPLE_FILES.pdf.length);
  });

  it('gives an adaptation the attachments of its original, sharing the stored files', async () => {
    const resource = await newResource(author, networkId);
    const { attachment } = (await upload(author, resource.id, 'template.docx', OFFICE_SAMPLES.docx())).body;

    const { adaptResource } = await other.client.ok(ADAPT, { id: resource.id });

    expect(adaptResource.attachments).toEqual([
      { filename: 'template.docx', sha256: attachment.sha256, url: expect.stringMatching(/^\/files\/attachments\//) },
    ]);
    const downloaded = await downloadAttachment(app.url, other, adaptResource.attachments[0].url);
    expect(downloaded.bytes.equals(OFFICE_SAMPLES.docx())).toBe(true);
  });
});
