import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EmailKind, EmailStatus } from '../../generated/prisma/enums';
import { PageArgs, PageInfo } from '../../platform/graphql/pagination';

registerEnumType(EmailKind, {
  name: 'EmailKind',
  description: 'What an email is: an invitation, an account email, a notification, a digest, a reporting reminder.',
});
registerEnumType(EmailStatus, {
  name: 'EmailStatus',
  description:
    'QUEUED (waiting or to be tried again), SENDING, SENT (or kept in the outbox), FAILED (given up, or interrupted mid-send and not resent), BOUNCED (refused by the receiving server).',
});
export { EmailKind, EmailStatus };

@ObjectType({ description: 'One email, as the admin mail log shows it.' })
export class EmailLogEntry {
  @Field(() => ID) id: string;
  @Field(() => EmailKind) kind: EmailKind;
  @Field() toAddress: string;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field(() => String, { nullable: true }) userName: string | null;
  @Field() subject: string;
  @Field({ description: 'The plain-text part. Account emails (password resets, address changes) are not shown.' })
  text: string;
  @Field(() => EmailStatus) status: EmailStatus;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => String, { nullable: true, description: 'The SMTP server\'s answer, or "outbox".' }) response:
    string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
  @Field(() => Date, { nullable: true }) unsubscribedAt: Date | null;
}

@ObjectType()
export class EmailLogConnection {
  @Field(() => [EmailLogEntry]) nodes: EmailLogEntry[];
  @Field(() => Int) totalCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType({ description: 'What a member of the network was sent, in counts.' })
export class MemberMailSummary {
  @Field(() => ID) userId: string;
  @Field() name: string;
  @Field() email: string;
  @Field(() => Int) sent: number;
  @Field(() => Int) failed: number;
  @Field(() => Int) bounced: number;
  @Field(() => Int) queued: number;
  @Field(() => Date, { nullable: true }) lastAt: Date | null;
}

@ObjectType({
  description: "How email leaves this server, and the network's settings for reminders and account safety.",
})
export class MailSettings {
  @Field({ description: 'SMTP (SMTP_URL set) or OUTBOX (kept in the database, readable here).' }) transport: string;
  @Field(() => Int, { description: "Day of the month (1-28) by which the previous month's report is due." })
  reportDueDay: number;
  @Field(() => Int, {
    description: 'Days before the due day that reporting teams are reminded (0: not before it is overdue).',
  })
  reportReminderDays: number;
  @Field({ description: 'Network admins and site leads must turn on two-factor sign-in.' })
  requireTwoFactorForLeads: boolean;
}

@InputType()
export class MailSettingsInput {
  @Field(() => Int) reportDueDay: number;
  @Field(() => Int) reportReminderDays: number;
  @Field() requireTwoFactorForLeads: boolean;
}

@ArgsType()
export class EmailLogArgs extends PageArgs {
  @Field(() => ID) networkId: string;
  @Field(() => EmailStatus, { nullable: true }) status?: EmailStatus | null;
  @Field(() => ID, { nullable: true, description: 'Only the emails to this member.' }) userId?: string | null;
}

@ObjectType({ description: 'What an unsubscribe link turns off.' })
export class UnsubscribeInfo {
  @Field({ description: 'A notification kind, DIGEST_DAILY, DIGEST_WEEKLY or REPORT_REMINDERS.' }) scope: string;
  @Field(() => String, { nullable: true }) networkName: string | null;
  @Field({ description: 'Whether it has been used.' }) done: boolean;
}
