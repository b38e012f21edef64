import { CSRF_HEADER } from '../platform/http/origin-check';
import type { TestMember } from './test-app';

export const RESOURCE_FIELDS = `id networkId kind title summary body bodyHtml tags audiences license version hidden hiddenReason
  helpfulCount useCount viewCount downloadCount adaptedFromId site { id } author { userId name }`;

export const POST_RESOURCE = `mutation($networkId: ID!, $input: ResourceInput!) { postResource(networkId: $networkId, input: $input) { ${RESOURCE_FIELDS} } }`;
export const EDIT_RESOURCE = `mutation($id: ID!, $input: EditResourceInput!) { editResource(resourceId: $id, input: $input) { ${RESOURCE_FIELDS} } }`;
export const GET_RESOURCE = `query($id: ID!) { resource(id: $id) { ${RESOURCE_FIELDS} } }`;

let counter = 0;

/** The input of `postResource`, with sensible defaults. */
export function resourceInput(overrides: Record<string, unknown> = {}) {
  const n = ++counter;
  return {
    kind: 'TOOL',
    title: `Resource ${n}`,
    summary: `What resource ${n} is for.`,
    body: `# Resource ${n}\n\nHow to use it.`,
    tags: [],
    audiences: [],
    siteId: null,
    ...overrides,
  };
}

export interface TestResource {
  id: string;
  networkId: string;
  title: string;
  version: number;
  [field: string]: unknown;
}

/** A resource posted by `member` through the real `postResource` mutation. */
export async function newResource(
  member: TestMember,
  networkId: string,
  overrides: Record<string, unknown> = {},
): Promise<TestResource> {
  const data = await member.client.ok(POST_RESOURCE, { networkId, input: resourceInput(overrides) });
  return data.postResource;
}

/** The input of `editResource` for `resource` at its current version, changed by `changes`. */
export function editInput(resource: Record<string, unknown>, changes: Record<string, unknown> = {}) {
  const site = resource.site as { id: string } | null | undefined;
  return {
    kind: resource.kind,
    title: resource.title,
    summary: resource.summary,
    body: resource.body,
    tags: resource.tags,
    audiences: resource.audiences,
    siteId: site?.id ?? null,
    license: resource.license,
    expectedVersion: resource.version,
    changeNote: '',
    ...changes,
  };
}

export interface UploadOptions {
  filename: string;
  content: Buffer | Uint8Array;
  contentType?: string;
  csrf?: boolean;
  origin?: string;
  field?: string;
  cookie?: string | null;
}

/** Uploads one file as a browser would (multipart, session cookie, CSRF header); returns status and JSON body. */
export async function uploadAttachment(
  baseUrl: string,
  member: TestMember | null,
  resourceId: string,
  options: UploadOptions,
) {
  const form = new FormData();
  form.append(
    options.field ?? 'file',
    new Blob([options.content], { type: options.contentType ?? 'application/octet-stream' }),
    options.filename,
  );
  const headers: Record<string, string> = {};
  const cookie = options.cookie === undefined ? member?.client.cookie : options.cookie;
  if (cookie) headers.cookie = cookie;
  if (options.csrf !== false) headers[CSRF_HEADER] = '1';
  if (options.origin) headers.origin = options.origin;
  const response = await fetch(`${baseUrl}/files/resources/${encodeURIComponent(resourceId)}/attachments`, {
    method: 'POST',
    headers,
    body: form,
  });
  const text = await response.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body, headers: response.headers };
}

/** Downloads an attachment with `member`'s session; returns status, headers and bytes. */
export async function downloadAttachment(baseUrl: string, member: TestMember | null, path: string) {
  const headers: Record<string, string> = {};
  if (member?.client.cookie) headers.cookie = member.client.cookie;
  const response = await fetch(`${baseUrl}${path}`, { headers });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Small but real files of each kind, by their signatures. */
export const SAMPLE_FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2c4a0b90000000049454e44ae426082',
    'hex',
  ),
  jpeg: Buffer.concat([
    Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
    Buffer.alloc(32),
    Buffer.from('ffd9', 'hex'),
  ]),
  html: Buffer.from('<!doctype html><script>alert(document.cookie)</script>'),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
};
