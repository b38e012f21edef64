import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_TYPES,
  fileExtension,
  MAX_ATTACHMENTS_PER_RESOURCE,
  safeFilename,
} from '@commons/shared';
import { AccessService } from '../platform/auth/access.service';
import type { Viewer } from '../platform/auth/viewer';
import { conflict, invalid, notFound, requireId } from '../platform/graphql/app-error';
import { ResourcesService } from '../resources/resources.service';
import { ATTACHMENT_SELECT, AttachmentRepository } from './attachment.repository';
import { sniffFileType } from './file-type';
import { FILE_STORAGE, type FileStorage, newStorageKey } from './file-storage';
import type { Attachment } from './models/attachment.model';
import type { Prisma } from '../generated/prisma/client';

type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof ATTACHMENT_SELECT }>;

/** Where an upload goes, decided (and authorised) before its body is read. */
export interface UploadTarget {
  resourceId: string;
  version: number;
  userId: string;
}

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

const ALLOWED_CONTENT_TYPES = new Set<string>(Object.values(ATTACHMENT_TYPES).map((type) => type.contentType));
const ACCEPTED = ATTACHMENT_EXTENSIONS.map((ext) => `.${ext}`).join(', ');

export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    version: row.version,
    downloadCount: row.downloadCount,
    createdAt: row.createdAt,
    url: `/files/attachments/${row.id}`,
    resourceId: row.resourceId,
    uploadedById: row.uploadedById,
  };
}

/**
 * Attachments of resources. What a file is comes from its bytes, never from its name or the
 * type the browser claimed; names are labels, and files are stored under generated keys.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly attachments: AttachmentRepository,
    private readonly resources: ResourcesService,
    private readonly access: AccessService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** Checks that the viewer may attach files to the resource (its author or an admin), before any upload is read. */
  async uploadTarget(viewer: Viewer, resourceId: string): Promise<UploadTarget> {
    const { row, actor } = await this.resources.visible(viewer, resourceId);
    this.access.check(actor, 'resource.edit', { authorId: row.authorId });
    if ((await this.attachments.countCurrent(row.id)) >= MAX_ATTACHMENTS_PER_RESOURCE) {
      throw conflict(
        'too_many_attachments',
        `A resource carries at most ${MAX_ATTACHMENTS_PER_RESOURCE} attachments.`,
        { field: 'file', max: MAX_ATTACHMENTS_PER_RESOURCE },
      );
    }
    return { resourceId: row.id, version: row.version, userId: actor.userId };
  }

  async add(target: UploadTarget, file: UploadedFile | undefined): Promise<Attachment> {
    if (!file || file.size === 0) throw invalid('file', 'file_empty');
    const filename = safeFilename(file.originalname);
    const extension = fileExtension(filename);
    if (!extension) throw invalid('file', 'file_no_extension', { accepted: ACCEPTED });
    if (!ATTACHMENT_EXTENSIONS.includes(extension))
      throw invalid('file', 'file_type_not_accepted', { extension, accepted: ACCEPTED });
    const type = sniffFileType(file.buffer, extension);
    if (!type) throw invalid('file', 'file_bad_content', { extension });
    if (!(ATTACHMENT_TYPES[type].extensions as readonly string[]).includes(extension)) {
      throw invalid('file', 'file_mismatch', { type: type.toUpperCase(), extension });
    }
    const id = randomUUID();
    const storageKey = newStorageKey(id);
    await this.storage.put(storageKey, file.buffer);
    try {
      const row = await this.attachments.create({
        id,
        resourceId: target.resourceId,
        version: target.version,
        filename,
        contentType: ATTACHMENT_TYPES[type].contentType,
        size: file.size,
        storageKey,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        uploadedById: target.userId,
      });
      return toAttachment(row);
    } catch (error) {
      await this.storage.delete(storageKey).catch(() => undefined);
      throw error;
    }
  }

  /** The attachment and its bytes, for a viewer who may see its resource; counts the download. */
  async open(
    viewer: Viewer,
    attachmentId: string,
  ): Promise<{ attachment: Attachment; contentType: string; stream: Readable }> {
    const row = await this.attachments.find(requireId(attachmentId, 'attachmentId'));
    if (!row || row.removedAt) throw notFound('Attachment');
    await this.resources.visible(viewer, row.resourceId);
    const stream = await this.storage.get(row.storageKey);
    await this.attachments.countDownload(row.id, row.resourceId);
    // Only ever a type from the allow-list goes out, whatever the row says.
    const contentType = ALLOWED_CONTENT_TYPES.has(row.contentType) ? row.contentType : 'application/octet-stream';
    return { attachment: toAttachment(row), contentType, stream };
  }

  /** Takes an attachment off its resource (author or admin). The file is kept, like every version. */
  async remove(viewer: Viewer, attachmentId: string): Promise<Attachment> {
    const row = await this.attachments.find(requireId(attachmentId, 'attachmentId'));
    if (!row || row.removedAt) throw notFound('Attachment');
    const { row: resource, actor } = await this.resources.visible(viewer, row.resourceId);
    this.access.check(actor, 'resource.edit', { authorId: resource.authorId });
    return toAttachment(await this.attachments.remove(row.id, actor.userId));
  }

  async ofResources(resourceIds: string[]): Promise<Attachment[]> {
    return (await this.attachments.ofResources(resourceIds)).map(toAttachment);
  }
}
