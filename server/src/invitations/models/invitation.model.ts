import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Actor } from '@commons/shared';
import { Role } from '../../platform/graphql/enums';
import { PageInfo } from '../../platform/graphql/pagination';
import { FieldCost } from '../../platform/graphql/field-cost';

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

@ObjectType()
export class Invitation {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field(() => Role) role: Role;
  @Field(() => String, { nullable: true }) siteName: string | null;
  @Field(() => ID, { nullable: true }) siteId: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Null for the first admin's invitation, made by `npm run setup`.",
  })
  invitedByName: string | null;
  @Field() createdAt: Date;
  @Field() expiresAt: Date;
  @Field(() => InvitationStatus) status: InvitationStatus;
  /** The member it was loaded for, to answer the viewer fields. */
  seenBy: Actor;
}

@ObjectType({ description: 'A new invitation. The link is shown once, to whoever invited.' })
export class CreatedInvitation {
  @Field(() => Invitation) invitation: Invitation;
  @Field() link: string;
  @Field({ description: 'Whether the link was also sent by email (SMTP configured).' }) emailed: boolean;
}

@ObjectType({ description: 'What an invitation link offers, shown before registering.' })
export class InvitationPreview {
  @Field() networkName: string;
  @Field() networkSlug: string;
  @Field() email: string;
  @Field(() => Role) role: Role;
  @Field(() => String, { nullable: true }) siteName: string | null;
  @Field() expiresAt: Date;
  @Field(() => InvitationStatus) status: InvitationStatus;
}

@ObjectType()
export class InvitationConnection {
  @Field(() => [Invitation], { complexity: FieldCost.pageItems }) nodes: Invitation[];
  @Field(() => Int) totalCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
}
