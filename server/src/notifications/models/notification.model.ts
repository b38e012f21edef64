import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EmailFrequency, NotificationKind, NotificationSubjectType } from '../../generated/prisma/enums';
import { ChangeIdeaStatus, PdsaStage } from '../../platform/graphql/enums';
import { PageInfo } from '../../platform/graphql/pagination';
import { FieldCost } from '../../platform/graphql/field-cost';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description:
    'MENTION and REPLY in threads, IDEA_DECISION on an idea you co-design or endorsed, PDSA_AT_SITE at your site, ' +
    "GROUP_INVITE and CO_DESIGN_INVITE; SITE_REQUEST to a site's lead (or the admins) when a member asks to join it, " +
    'SITE_REQUEST_CONFIRMED and SITE_REQUEST_DECLINED to the member who asked.',
});
registerEnumType(NotificationSubjectType, {
  name: 'NotificationSubjectType',
  description: 'What a notification points at.',
});

registerEnumType(EmailFrequency, {
  name: 'EmailFrequency',
  description:
    'How a kind of notification is emailed: IMMEDIATE (a few minutes after, unless read in the app meanwhile), in a DAILY or WEEKLY digest, or OFF.',
});

export { EmailFrequency, NotificationKind, NotificationSubjectType };

@ObjectType({ description: 'Something a member should know about, in one of her networks.' })
export class Notification {
  @Field(() => ID) id: string;
  @Field(() => ID) networkId: string;
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field(() => NotificationSubjectType) subjectType: NotificationSubjectType;
  @Field(() => ID) subjectId: string;
  @Field(() => ID, { nullable: true, description: 'The member whose action caused it.' }) actorId: string | null;
  @Field({
    description: "The name of what it is about: the change idea's title, the group's name. Empty when unknown.",
  })
  title: string;
  @Field(() => String, {
    nullable: true,
    description: "Words it quotes: the decision taken, the PDSA cycle's title, a message excerpt.",
  })
  detail: string | null;
  @Field({
    description:
      'Where it leads, relative to the network\'s pages (e.g. "ideas/<id>"): prefix it with /n/<slug>/. Empty when unknown.',
  })
  link: string;
  @Field(() => ChangeIdeaStatus, {
    nullable: true,
    description: 'IDEA_DECISION, DECISION_AWAITING_CONFIRMATION, DECISION_DECLINED: the status before the decision.',
  })
  fromStatus: ChangeIdeaStatus | null;
  @Field(() => ChangeIdeaStatus, {
    nullable: true,
    description:
      'IDEA_DECISION, DECISION_AWAITING_CONFIRMATION, DECISION_DECLINED: the status the decision moves the idea to.',
  })
  toStatus: ChangeIdeaStatus | null;
  @Field(() => PdsaStage, { nullable: true, description: "PDSA_AT_SITE: the cycle's stage." })
  pdsaStage: PdsaStage | null;
  @Field(() => String, { nullable: true, description: 'PDSA_AT_SITE: "created" or "stageChanged".' }) pdsaEvent:
    string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
  @Field() read: boolean;
  /** The actor's name as the payload recorded it (the actorName field resolves a fallback). */
  payloadActorName: string | null;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [Notification], { complexity: FieldCost.pageItems }) nodes: Notification[];
  @Field(() => Int) totalCount: number;
  @Field(() => Int, { description: 'Unread notifications in the network, whatever the filter.' }) unreadCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType({
  description: "A member's choice for one kind of notification. Without a stored choice: in the app, not by email.",
})
export class NotificationPreference {
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field({ description: 'Shown in the app (the list and its badge). Off: nothing of this kind is recorded for her.' })
  inApp: boolean;
  @Field({ description: 'Also emailed (emailFrequency is not OFF).' }) email: boolean;
  @Field(() => EmailFrequency, { description: 'How it is emailed: right away, in a daily or weekly digest, or not.' })
  emailFrequency: EmailFrequency;
}
