import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { DEFAULT_RESOURCE_LICENSE } from '@commons/shared';
import { Role } from '../../platform/graphql/enums';
import { PageArgs } from '../../platform/graphql/pagination';
import { ResourceKind } from '../models/resource.model';

@InputType()
export class ResourceInput {
  @Field(() => ResourceKind) kind: ResourceKind;
  @Field() title: string;
  @Field({ defaultValue: '' }) summary: string;
  @Field({ defaultValue: '', description: 'Markdown.' }) body: string;
  @Field(() => [String], { defaultValue: [], description: 'Curated or free tags; normalised to lower case.' })
  tags: string[];
  @Field(() => [Role], { defaultValue: [] }) audiences: Role[];
  @Field(() => ID, { nullable: true, description: "The site it comes from: the author's own, or none (admins: any)." })
  siteId?: string | null;
  @Field({
    defaultValue: DEFAULT_RESOURCE_LICENSE,
    description: 'An SPDX licence identifier; CC-BY-4.0 unless chosen.',
  })
  license: string;
}

@InputType()
export class EditResourceInput extends ResourceInput {
  @Field(() => Int, { description: 'The version the form was loaded at; a newer one answers CONFLICT.' })
  expectedVersion: number;
  @Field({ defaultValue: '', description: 'What changed, for the history.' }) changeNote: string;
}

@InputType()
export class AdaptResourceInput {
  @Field(() => ID, {
    nullable: true,
    description: "The site the adaptation is for; the member's own site when left out.",
  })
  siteId?: string | null;
  @Field(() => String, { nullable: true, description: "A title of its own; the original's when left out." }) title?:
    string | null;
}

@InputType()
export class ResourceUseInput {
  @Field(() => ID) siteId: string;
  @Field({ defaultValue: '', description: 'How the site used it, briefly.' }) note: string;
}

@InputType()
export class NetworkTagInput {
  @Field() tag: string;
  @Field({ defaultValue: '' }) description: string;
}

@ArgsType()
export class BookmarksArgs extends PageArgs {
  @Field(() => ID) networkId: string;
}
