import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs } from '../../platform/graphql/pagination';
import { EmailFrequency, NotificationKind } from '../models/notification.model';

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => ID) networkId: string;
  @Field({ defaultValue: false, description: 'Only those not yet read.' }) unreadOnly: boolean = false;
}

@ArgsType()
export class SetNotificationPreferenceArgs {
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field() inApp: boolean;
  @Field({
    description:
      'Email on or off; on keeps the chosen frequency, or IMMEDIATE when it was off. emailFrequency, when given, decides.',
  })
  email: boolean;
  @Field(() => EmailFrequency, {
    nullable: true,
    description: 'How email comes: IMMEDIATE, DAILY or WEEKLY digest, or OFF.',
  })
  emailFrequency?: EmailFrequency | null;
}
