import { Injectable } from '@nestjs/common';
import { PrismaService } from '../platform/database/prisma.service';

@Injectable()
export class HealthRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Names of the migrations the database has applied (throws when the database is unreachable). */
  async appliedMigrations(): Promise<Set<string>> {
    const rows = await this.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return new Set(rows.map((row) => row.migration_name));
  }
}
