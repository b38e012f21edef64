import {
  ATTACHMENT_EXTENSIONS,
  fieldIssue,
  fileExtension,
  type IssueCode,
  type IssueParams,
  MAX_ATTACHMENT_BYTES,
} from '@commons/shared';
import { CSRF_HEADER } from '../graphql/csrf';

/** An attachment as the upload endpoint returns it. */
export interface UploadedAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
}

/**
 * Why an upload failed: the server's code, and its reason or field issue with their params (what
 * is translated where shown); `message` is the English the server sent.
 */
export interface UploadError {
  code: string;
  message: string;
  reason?: string;
  issue?: { code: string; params?: IssueParams };
  [param: string]: unknown;
}

const invalidFile = (code: IssueCode, params?: IssueParams): UploadError => {
  const issue = fieldIssue('file', code, params);
  return { code: 'BAD_USER_INPUT', message: issue.message, issue };
};

export type UploadResult = { ok: true; attachment: UploadedAttachment } | { ok: false; error: UploadError };

/** The `accept` attribute of a file input: every extension the server takes. */
export const ACCEPT_ATTRIBUTE = ATTACHMENT_EXTENSIONS.map((ext) => `.${ext}`).join(',');

/**
 * What is wrong with a file before sending it, with the server's own issue codes (so one
 * translation serves both): a type or size the server would refuse. Its content is checked by the server.
 */
export function precheckFile(file: Pick<File, 'name' | 'size'>): UploadError | null {
  const extension = fileExtension(file.name);
  const accepted = ATTACHMENT_EXTENSIONS.map((ext) => `.${ext}`).join(', ');
  if (file.size === 0) return invalidFile('file_empty');
  if (!extension) return invalidFile('file_no_extension', { accepted });
  if (!ATTACHMENT_EXTENSIONS.includes(extension)) return invalidFile('file_type_not_accepted', { extension, accepted });
  if (file.size > MAX_ATTACHMENT_BYTES)
    return invalidFile('file_too_large', { maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  return null;
}

function errorOf(status: number, body: unknown): UploadError {
  const error = (
    body as { error?: Record<string, unknown> & { issues?: { code?: unknown; params?: IssueParams }[] } } | null
  )?.error;
  const [issue] = error?.issues ?? [];
  const code =
    typeof error?.code === 'string'
      ? error.code
      : status === 0
        ? 'NETWORK'
        : status === 413
          ? 'BAD_USER_INPUT'
          : 'UNKNOWN';
  return {
    ...error,
    code,
    message: typeof error?.message === 'string' ? error.message : '',
    issue:
      typeof issue?.code === 'string'
        ? { code: issue.code, params: issue.params }
        : status === 413
          ? { code: 'file_too_large', params: { maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 } }
          : undefined,
  };
}

/**
 * Uploads one file to a resource (multipart, field "file") with the session cookie and the CSRF
 * header, as GraphQL mutations are sent. XMLHttpRequest rather than fetch, for upload progress.
 */
export function uploadAttachment(
  resourceId: string,
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/files/resources/${encodeURIComponent(resourceId)}/attachments`);
    request.withCredentials = true;
    request.setRequestHeader(CSRF_HEADER, '1');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as { attachment?: UploadedAttachment } | null;
      if (request.status === 201 && body?.attachment) resolve({ ok: true, attachment: body.attachment });
      else resolve({ ok: false, error: errorOf(request.status, body) });
    };
    request.onerror = () => resolve({ ok: false, error: { code: 'NETWORK', message: '' } });
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
