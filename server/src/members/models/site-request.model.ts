import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SiteRequestStatus } from '../../generated/prisma/enums';
import { Role } from '../../platform/graphql/enums';
import { PageInfo } from '../../platform/graphql/pagination';

registerEnumType(SiteRequestStatus, {
  name: 'SiteRequestStatus',
  description:
    "PENDING until the site's lead or an admin CONFIRMED or DECLINED it; CANCELLED when the member withdrew it or asked for another site.",
});

export { SiteRequestStatus };

@ObjectType({ description: 'A person in a request to join a site: the member who asked, or who answered.' })
export class SiteRequestPerson {
  @Field(() => ID) userId: string;
  @Field() name: string;
  @Field(() => Role, { nullable: true, description: 'Her role in the network (for the member who asked).' })
  role: Role | null;
}

@ObjectType({
  description:
    "A request by a patient partner, family member or researcher to join a site. Until it is confirmed nothing of the site's own data opens to her.",
})
export class SiteRequest {
  @Field(() => ID) id: string;
  @Field(() => SiteRequestStatus) status: SiteRequestStatus;
  @Field(() => ID) siteId: string;
  @Field() siteName: string;
  @Field(() => SiteRequestPerson) member: SiteRequestPerson;
  @Field() requestedAt: Date;
  @Field(() => SiteRequestPerson, { nullable: true, description: 'Who confirmed, declined or withdrew it.' })
  answeredBy: SiteRequestPerson | null;
  @Field(() => Date, { nullable: true }) answeredAt: Date | null;
  @Field({ description: 'Why it was declined, when the one declining said; empty otherwise.' }) reason: string;
}

@ObjectType()
export class SiteRequestConnection {
  @Field(() => [SiteRequest]) nodes: SiteRequest[];
  @Field(() => Int) totalCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
}
