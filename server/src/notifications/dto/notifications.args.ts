import { ArgsType, Field, ID } from '@nestjs/graphql';
import { PageArgs } from '../../platform/graphql/pagination';
import { NotificationKind } from '../models/notification.model';

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => ID) networkId: string;
  @Field({ defaultValue: false, description: 'Only those not yet read.' }) unreadOnly: boolean = false;
}

@ArgsType()
export class SetNotificationPreferenceArgs {
  @Field(() => NotificationKind) kind: NotificationKind;
  @Field() inApp: boolean;
  @Field() email: boolean;
}
