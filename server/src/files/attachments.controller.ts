import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { fieldIssue, MAX_ATTACHMENT_BYTES } from '@commons/shared';
import type { Request, Response } from 'express';
import multer from 'multer';
import { pipeline } from 'node:stream/promises';
import { AppError, unauthenticated } from '../platform/graphql/app-error';
import { CSRF_HEADER } from '../platform/http/origin-check';
import { AttachmentsService, type UploadedFile } from './attachments.service';
import { downloadDisposition } from './download-disposition';

/** Room for the multipart envelope around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const readUpload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 50 },
  defParamCharset: 'utf8',
}).single('file');

const tooLarge = () =>
  new AppError('BAD_USER_INPUT', `The file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`, {
    field: 'file',
    issues: [fieldIssue('file', 'file_too_large', { maxMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })],
    status: 413,
  });

/** The upload as a whole was refused (the English message says why, for API users). */
const refused = (message: string) =>
  new AppError('BAD_USER_INPUT', message, { field: 'file', issues: [fieldIssue('file', 'upload_refused')] });

/**
 * Attachment upload (multipart, field "file") and download. Like a GraphQL mutation, an upload
 * needs the session cookie, the x-commons-csrf header and (checked by middleware) the app's own
 * origin; who may upload is decided before the body is read.
 */
@Controller('files')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('resources/:resourceId/attachments')
  async upload(@Req() req: Request, @Res() res: Response, @Param('resourceId') resourceId: string) {
    try {
      if (!req.viewer) throw unauthenticated();
      if (!req.get(CSRF_HEADER)) throw new AppError('FORBIDDEN', `Uploads must send the ${CSRF_HEADER} header.`);
      const target = await this.attachments.uploadTarget(req.viewer, resourceId);
      if (Number(req.get('content-length') ?? 0) > MAX_ATTACHMENT_BYTES + MULTIPART_OVERHEAD) throw tooLarge();
      const file = await new Promise<UploadedFile | undefined>((resolve, reject) =>
        readUpload(req, res, (error: unknown) => (error ? reject(multipartError(error)) : resolve(req.file))),
      );
      const { resourceId: _, uploadedById: __, ...attachment } = await this.attachments.add(target, file);
      res.status(201).json({ attachment });
    } catch (error) {
      sendError(req, res, error);
    }
  }

  @Get('attachments/:attachmentId')
  async download(@Req() req: Request, @Res() res: Response, @Param('attachmentId') attachmentId: string) {
    try {
      if (!req.viewer) throw unauthenticated();
      const { attachment, contentType, stream } = await this.attachments.open(req.viewer, attachmentId);
      res.status(200);
      res.setHeader('Content-Type', contentType);
      res.setHeader('Content-Length', String(attachment.size));
      res.setHeader('Content-Disposition', downloadDisposition(attachment.filename));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      await pipeline(stream, res);
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      sendError(req, res, error);
    }
  }
}

/**
 * What went wrong reading the multipart body, as the app's errors naming the field: multer's
 * limits, and a body the parser could not read (cut short, a broken boundary), which is the
 * client's doing, not a fault.
 */
function multipartError(error: unknown): AppError {
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return tooLarge();
    return refused(`The upload was refused: ${error.message}. Send one file in the "file" field.`);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return refused(`The upload was refused: the form data is malformed or incomplete (${reason}). Send it again.`);
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
};

function sendError(req: Request, res: Response, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  const { status, ...extensions } = error.extensions as { status?: number };
  // A refused upload may still be arriving: answer, and close the connection rather than read it.
  if (req.method === 'POST' && !req.complete) res.setHeader('Connection', 'close');
  res
    .status(status ?? STATUS[error.code] ?? 400)
    .json({ error: { code: error.code, message: error.message, ...extensions } });
}
