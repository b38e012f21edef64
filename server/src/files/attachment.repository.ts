import { Injectable } from '@nestjs/common';
import { PrismaService } from '../platform/database/prisma.service';

export const ATTACHMENT_SELECT = {
  id: true,
  resourceId: true,
  version: true,
  filename: true,
  contentType: true,
  size: true,
  storageKey: true,
  sha256: true,
  uploadedById: true,
  createdAt: true,
  removedAt: true,
  downloadCount: true,
} as const;

@Injectable()
export class AttachmentRepository {
  constructor(private readonly prisma: PrismaService) {}

  find(id: string) {
    return this.prisma.attachment.findUnique({ where: { id }, select: ATTACHMENT_SELECT });
  }

  /** The attachments resources carry now (not removed ones), oldest first. */
  ofResources(resourceIds: string[]) {
    return this.prisma.attachment.findMany({
      where: { resourceId: { in: resourceIds }, removedAt: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: ATTACHMENT_SELECT,
    });
  }

  countCurrent(resourceId: string) {
    return this.prisma.attachment.count({ where: { resourceId, removedAt: null } });
  }

  create(data: {
    id: string;
    resourceId: string;
    version: number;
    filename: string;
    contentType: string;
    size: number;
    storageKey: string;
    sha256: string;
    uploadedById: string;
  }) {
    return this.prisma.attachment.create({ data, select: ATTACHMENT_SELECT });
  }

  /** Takes an attachment off its resource; the row and the stored file are kept. */
  remove(id: string, removedById: string) {
    return this.prisma.attachment.update({
      where: { id },
      data: { removedAt: new Date(), removedById },
      select: ATTACHMENT_SELECT,
    });
  }

  async countDownload(id: string, resourceId: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.attachment.update({ where: { id }, data: { downloadCount: { increment: 1 } }, select: { id: true } }),
      this.prisma.resource.update({
        where: { id: resourceId },
        data: { downloadCount: { increment: 1 } },
        select: { id: true },
      }),
    ]);
  }
}
