import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ResourceKind } from '../../generated/prisma/enums';
import { Role } from '../../platform/graphql/enums';
import { PageInfo } from '../../platform/graphql/pagination';
import { FieldCost } from '../../platform/graphql/field-cost';
import { RESOURCE_LIMITS } from '@commons/shared';

registerEnumType(ResourceKind, { name: 'ResourceKind', description: 'What a resource in the commons is.' });

export { ResourceKind };

@ObjectType({ description: 'A member, as the author or editor of something in the commons.' })
export class ResourceAuthor {
  @Field(() => ID) userId: string;
  @Field() name: string;
}

@ObjectType({
  description: "A tool, template, guide, story, change package or dataset description shared in a network's commons.",
})
export class Resource {
  @Field(() => ID) id: string;
  @Field(() => ID) networkId: string;
  @Field(() => ResourceKind) kind: ResourceKind;
  @Field() title: string;
  @Field() summary: string;
  @Field({
    description: 'The body as written, in Markdown. Render `bodyHtml`, never this.',
    complexity: FieldCost.largeText(RESOURCE_LIMITS.bodyMax),
  })
  body: string;
  @Field(() => [String], { description: 'Free and curated tags, normalised (lower-case).' }) tags: string[];
  @Field(() => [Role], { description: 'Who the resource is meant for.' }) audiences: Role[];
  @Field({ description: 'An SPDX licence identifier, e.g. CC-BY-4.0.' }) license: string;
  @Field(() => Int, { description: 'The current version; every edit adds one.' }) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field({ description: 'Hidden by a moderator: seen only by network admins and the author.' }) hidden: boolean;
  @Field(() => Date, { nullable: true }) hiddenAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why a moderator hid the resource.' }) hiddenReason:
    string | null;
  @Field(() => Int) helpfulCount: number;
  @Field(() => Int, { description: 'Sites that said "we used this".' }) useCount: number;
  @Field(() => Int, { description: 'Members who opened it, counted once per member and day.' }) viewCount: number;
  @Field(() => Int) downloadCount: number;
  @Field(() => ID, {
    nullable: true,
    description: 'The resource this one was adapted from (it may be hidden from the viewer).',
  })
  adaptedFromId: string | null;
  siteId: string | null;
  authorId: string;
}

@ObjectType()
export class ResourceConnection {
  @Field(() => [Resource], { complexity: FieldCost.pageItems }) nodes: Resource[];
  @Field(() => Int) totalCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType({ description: 'One saved state of a resource.' })
export class ResourceVersion {
  @Field(() => Int) version: number;
  @Field(() => ResourceKind) kind: ResourceKind;
  @Field() title: string;
  @Field() summary: string;
  @Field({ complexity: FieldCost.largeText(RESOURCE_LIMITS.bodyMax) }) body: string;
  @Field(() => [String]) tags: string[];
  @Field(() => [Role]) audiences: Role[];
  @Field() license: string;
  @Field({ description: 'What the editor said about the change.' }) changeNote: string;
  @Field() editedAt: Date;
  siteId: string | null;
  editedById: string;
}

@ObjectType({ description: '"We used this": a site that used the resource, and how.' })
export class ResourceUse {
  @Field() note: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  siteId: string;
  recordedById: string;
  /** The network of the resource used, for the viewer's permissions. */
  networkId: string;
}

@ObjectType({ description: 'A resource in a lineage of adaptations.' })
export class LineageNode {
  @Field(() => ID) id: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The resource it hangs from in this lineage (the nearest one the viewer may see).',
  })
  parentId: string | null;
  @Field(() => Int, {
    description:
      'Negative for ancestors (-1 = what this was adapted from), positive for adaptations (1 = adapted from this).',
  })
  depth: number;
  @Field() title: string;
  @Field(() => ResourceKind) kind: ResourceKind;
  @Field() createdAt: Date;
  @Field(() => Int) useCount: number;
  siteId: string | null;
  authorId: string;
}

@ObjectType({ description: 'Where a resource comes from and what was made from it.' })
export class ResourceLineage {
  @Field(() => [LineageNode], { description: 'What it was adapted from, nearest first, up to the origin.' })
  ancestors: LineageNode[];
  @Field(() => [LineageNode], {
    description: 'Adaptations made from it, directly or not, as a tree flattened depth-first.',
  })
  descendants: LineageNode[];
}

@ObjectType({ description: "A tag the network's admins curate." })
export class NetworkTag {
  @Field() tag: string;
  @Field() description: string;
  @Field(() => Int, { description: 'Resources carrying it.' }) resourceCount: number;
}
