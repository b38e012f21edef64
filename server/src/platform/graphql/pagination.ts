import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { DEFAULT_PAGE_SIZE, matches, MAX_PAGE_SIZE } from '@commons/shared';
import { z } from 'zod';
import { invalid, parseInput } from './app-error';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1-${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

const pageSchema = z.object({
  first: z.number().int().min(1).max(MAX_PAGE_SIZE),
  after: z
    .string()
    .refine(...matches(/^[A-Za-z0-9_-]{1,16}$/, 'cursor'))
    .nullable()
    .optional(),
});

export interface Page {
  take: number;
  skip: number;
}

/** Validates page arguments and turns them into offset/limit. Cursors are opaque offsets. */
export function toPage(args: PageArgs): Page {
  const { first, after } = parseInput(pageSchema, { first: args.first, after: args.after }, '');
  const skip = after ? Number(Buffer.from(after, 'base64url').toString()) : 0;
  if (!Number.isSafeInteger(skip) || skip < 0) throw invalid('after', 'invalid_format', { format: 'cursor' });
  return { take: first, skip };
}

/** The connection fields for a page of `rows` out of `totalCount`. */
export function pageInfo(page: Page, rows: number, totalCount: number): PageInfo {
  const end = page.skip + rows;
  return { hasNextPage: end < totalCount, endCursor: rows > 0 ? Buffer.from(String(end)).toString('base64url') : null };
}

/** GraphQL cost of a paged field: each item costs what its selection costs. */
export const pagedComplexity = ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) =>
  (args.first ?? DEFAULT_PAGE_SIZE) * Math.max(childComplexity, 1);
