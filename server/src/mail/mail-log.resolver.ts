import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../platform/auth/current-viewer.decorator';
import { Public } from '../platform/auth/public.decorator';
import type { Viewer } from '../platform/auth/viewer';
import { pagedComplexity } from '../platform/graphql/pagination';
import { MailLogService } from './mail-log.service';
import {
  EmailLogArgs,
  EmailLogConnection,
  MailSettings,
  MailSettingsInput,
  MemberMailSummary,
  UnsubscribeInfo,
} from './models/mail.model';
import { UnsubscribeService } from './unsubscribe.service';

@Resolver()
export class MailLogResolver {
  constructor(
    private readonly log: MailLogService,
    private readonly unsubscribes: UnsubscribeService,
  ) {}

  @Query(() => EmailLogConnection, {
    description: "Network admins: the emails sent to the network's members (the outbox without SMTP), newest first.",
    complexity: pagedComplexity,
  })
  emailLog(@CurrentViewer() viewer: Viewer, @Args() args: EmailLogArgs) {
    return this.log.list(viewer, args);
  }

  @Query(() => [MemberMailSummary], {
    description: 'Network admins: per member, how many emails were sent, failed, bounced or wait.',
  })
  memberMailSummary(@CurrentViewer() viewer: Viewer, @Args('networkId', { type: () => ID }) networkId: string) {
    return this.log.summary(viewer, networkId);
  }

  @Query(() => MailSettings, { description: 'Network admins: how email leaves the server.' })
  mailSettings(@CurrentViewer() viewer: Viewer, @Args('networkId', { type: () => ID }) networkId: string) {
    return this.log.settings(viewer, networkId);
  }

  @Mutation(() => MailSettings, {
    description: 'Network admins: the reporting due day, reminder lead time and two-factor requirement.',
  })
  setMailSettings(
    @CurrentViewer() viewer: Viewer,
    @Args('networkId', { type: () => ID }) networkId: string,
    @Args('input') input: MailSettingsInput,
  ) {
    return this.log.setSettings(viewer, networkId, input);
  }

  @Public()
  @Query(() => UnsubscribeInfo, { description: 'What an unsubscribe link turns off (no sign-in needed).' })
  unsubscribeInfo(@Args('token') token: string) {
    return this.unsubscribes.describe(token);
  }

  @Public()
  @Mutation(() => UnsubscribeInfo, { description: 'Uses an unsubscribe link (no sign-in needed).' })
  unsubscribe(@Args('token') token: string) {
    return this.unsubscribes.unsubscribe(token);
  }
}
