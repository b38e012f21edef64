import type { Locale, NotificationKind } from '@commons/shared';
import { type Block, type RenderedEmail, renderEmail } from './layout';

/** The recipient's language for email: hers when she chose one, else English. */
export function emailLocale(locale: string | null | undefined): Locale {
  return locale === 'sv' ? 'sv' : 'en';
}

const formatDate = (locale: Locale, date: Date) =>
  new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);

const formatMonth = (locale: Locale, month: string) =>
  new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));

const SECURITY_FOOTER: Record<Locale, string[]> = {
  en: [
    'You get this email because it is about your Commons account; it cannot be turned off.',
    'If this was not you, reset your password and tell a network admin.',
  ],
  sv: [
    'Du får det här mejlet eftersom det gäller ditt Commons-konto; det går inte att stänga av.',
    'Om det inte var du: återställ ditt lösenord och kontakta en nätverksadministratör.',
  ],
};

const UNSUBSCRIBE_LABEL: Record<Locale, string> = { en: 'Unsubscribe', sv: 'Avsluta prenumerationen' };

export function invitationEmail(
  locale: Locale,
  facts: { inviterName: string | null; networkName: string; link: string; expiresAt: Date },
): RenderedEmail {
  const inviter = facts.inviterName ?? (locale === 'sv' ? 'En nätverksadministratör' : 'A network admin');
  const t =
    locale === 'sv'
      ? {
          subject: `Du är inbjuden till ${facts.networkName}`,
          heading: `${inviter} bjuder in dig till ${facts.networkName}`,
          body: `${facts.networkName} är ett lärande hälsonätverk på Commons.`,
          action: 'Tacka ja till inbjudan',
          footer: [
            `Länken fungerar en gång och gäller till ${formatDate(locale, facts.expiresAt)}.`,
            'Om du inte väntade dig inbjudan kan du bortse från mejlet.',
          ],
        }
      : {
          subject: `You are invited to ${facts.networkName}`,
          heading: `${inviter} invited you to join ${facts.networkName}`,
          body: `${facts.networkName} is a learning health network on Commons.`,
          action: 'Accept the invitation',
          footer: [
            `The link works once and expires on ${formatDate(locale, facts.expiresAt)}.`,
            'If you did not expect this invitation, you can ignore this email.',
          ],
        };
  return renderEmail({
    locale,
    subject: t.subject,
    heading: t.heading,
    blocks: [
      { kind: 'paragraph', text: t.body },
      { kind: 'action', label: t.action, url: facts.link },
    ],
    footer: t.footer,
  });
}

export function passwordResetEmail(locale: Locale, facts: { link: string; validMinutes: number }): RenderedEmail {
  const t =
    locale === 'sv'
      ? {
          subject: 'Återställ ditt lösenord på Commons',
          heading: 'Välj ett nytt lösenord',
          body: `Någon (förhoppningsvis du) bad om att återställa lösenordet. Länken fungerar en gång i ${facts.validMinutes} minuter. När du har valt ett nytt lösenord loggas alla dina sessioner ut.`,
          action: 'Välj ett nytt lösenord',
        }
      : {
          subject: 'Reset your Commons password',
          heading: 'Choose a new password',
          body: `Someone (hopefully you) asked to reset your password. The link works once, for ${facts.validMinutes} minutes. Once you choose a new password, every session of yours is signed out.`,
          action: 'Choose a new password',
        };
  return renderEmail({
    locale,
    subject: t.subject,
    heading: t.heading,
    blocks: [
      { kind: 'paragraph', text: t.body },
      { kind: 'action', label: t.action, url: facts.link },
    ],
    footer: SECURITY_FOOTER[locale],
  });
}

export type AccountNotice =
  'PASSWORD_CHANGED' | 'PASSWORD_RESET_DONE' | 'EMAIL_CHANGED' | 'TWO_FACTOR_ENABLED' | 'TWO_FACTOR_DISABLED';

const NOTICES: Record<AccountNotice, Record<Locale, { subject: string; body: string }>> = {
  PASSWORD_CHANGED: {
    en: {
      subject: 'Your Commons password was changed',
      body: 'Your password was changed, and your other sessions were signed out.',
    },
    sv: {
      subject: 'Ditt lösenord på Commons har ändrats',
      body: 'Ditt lösenord ändrades och dina andra sessioner loggades ut.',
    },
  },
  PASSWORD_RESET_DONE: {
    en: {
      subject: 'Your Commons password was reset',
      body: 'Your password was reset with a link sent to this address, and every session was signed out.',
    },
    sv: {
      subject: 'Ditt lösenord på Commons har återställts',
      body: 'Ditt lösenord återställdes med en länk som skickades till den här adressen, och alla sessioner loggades ut.',
    },
  },
  EMAIL_CHANGED: {
    en: {
      subject: 'Your Commons email address was changed',
      body: 'The email address of your account was changed to {email}. Mail about your account now goes there.',
    },
    sv: {
      subject: 'Din e-postadress på Commons har ändrats',
      body: 'E-postadressen för ditt konto ändrades till {email}. Mejl om ditt konto skickas nu dit.',
    },
  },
  TWO_FACTOR_ENABLED: {
    en: {
      subject: 'Two-factor sign-in is on',
      body: 'Two-factor sign-in was turned on for your account: signing in now also asks for a code from your authenticator app.',
    },
    sv: {
      subject: 'Tvåstegsinloggning är på',
      body: 'Tvåstegsinloggning slogs på för ditt konto: inloggningen frågar nu även efter en kod från din autentiseringsapp.',
    },
  },
  TWO_FACTOR_DISABLED: {
    en: { subject: 'Two-factor sign-in is off', body: 'Two-factor sign-in was turned off for your account.' },
    sv: { subject: 'Tvåstegsinloggning är av', body: 'Tvåstegsinloggning stängdes av för ditt konto.' },
  },
};

/** A security notice: something changed on the account (sent to the address concerned). */
export function accountNoticeEmail(
  locale: Locale,
  notice: AccountNotice,
  facts: { email?: string; at: Date },
): RenderedEmail {
  const t = NOTICES[notice][locale];
  const when =
    locale === 'sv' ? `Tidpunkt: ${facts.at.toISOString()} (UTC).` : `When: ${facts.at.toISOString()} (UTC).`;
  return renderEmail({
    locale,
    subject: t.subject,
    heading: t.subject,
    blocks: [
      { kind: 'paragraph', text: t.body.replace('{email}', facts.email ?? '') },
      { kind: 'paragraph', text: when },
    ],
    footer: SECURITY_FOOTER[locale],
  });
}

export function emailChangeVerifyEmail(
  locale: Locale,
  facts: { newEmail: string; link: string; validMinutes: number },
): RenderedEmail {
  const t =
    locale === 'sv'
      ? {
          subject: 'Bekräfta din nya e-postadress på Commons',
          body: `Bekräfta att ${facts.newEmail} ska bli e-postadressen för ditt Commons-konto. Länken fungerar en gång i ${facts.validMinutes} minuter.`,
          action: 'Bekräfta adressen',
        }
      : {
          subject: 'Confirm your new Commons email address',
          body: `Confirm that ${facts.newEmail} should become the email address of your Commons account. The link works once, for ${facts.validMinutes} minutes.`,
          action: 'Confirm the address',
        };
  return renderEmail({
    locale,
    subject: t.subject,
    heading: t.subject,
    blocks: [
      { kind: 'paragraph', text: t.body },
      { kind: 'action', label: t.action, url: facts.link },
    ],
    footer: SECURITY_FOOTER[locale],
  });
}

/** One line saying what happened, by kind, in the recipient's language. */
export function notificationLine(locale: Locale, kind: NotificationKind, actor: string | null, title: string): string {
  const who = actor ?? (locale === 'sv' ? 'Någon' : 'Someone');
  const what = title || (locale === 'sv' ? 'Commons' : 'Commons');
  const en: Record<NotificationKind, string> = {
    MENTION: `${who} mentioned you in ${what}`,
    REPLY: `${who} replied to you in ${what}`,
    IDEA_DECISION: `A decision was taken on ${what}`,
    PDSA_AT_SITE: `A PDSA cycle at your site: ${what}`,
    GROUP_INVITE: `${who} invited you to the group ${what}`,
    CO_DESIGN_INVITE: `${who} invited you to co-design ${what}`,
    SITE_REQUEST: `${who} asks to join ${what}`,
    SITE_REQUEST_CONFIRMED: `Your request to join ${what} was confirmed`,
    SITE_REQUEST_DECLINED: `Your request to join ${what} was declined`,
    DECISION_AWAITING_CONFIRMATION: `A decision on ${what} waits for your confirmation`,
    DECISION_DECLINED: `A decision on ${what} was declined`,
    PROPOSAL_OPENED: `A proposal on ${what} waits for your position`,
  };
  const sv: Record<NotificationKind, string> = {
    MENTION: `${who} nämnde dig i ${what}`,
    REPLY: `${who} svarade dig i ${what}`,
    IDEA_DECISION: `Ett beslut har fattats om ${what}`,
    PDSA_AT_SITE: `En PDSA-cykel på din enhet: ${what}`,
    GROUP_INVITE: `${who} bjöd in dig till gruppen ${what}`,
    CO_DESIGN_INVITE: `${who} bjöd in dig att samskapa ${what}`,
    SITE_REQUEST: `${who} vill gå med i ${what}`,
    SITE_REQUEST_CONFIRMED: `Din förfrågan att gå med i ${what} bekräftades`,
    SITE_REQUEST_DECLINED: `Din förfrågan att gå med i ${what} avböjdes`,
    DECISION_AWAITING_CONFIRMATION: `Ett beslut om ${what} väntar på din bekräftelse`,
    DECISION_DECLINED: `Ett beslut om ${what} avböjdes`,
    PROPOSAL_OPENED: `Ett förslag om ${what} väntar på ditt ställningstagande`,
  };
  return (locale === 'sv' ? sv : en)[kind];
}

const KIND_NAMES: Record<Locale, Record<NotificationKind, string>> = {
  en: {
    MENTION: 'mentions',
    REPLY: 'replies',
    IDEA_DECISION: 'decisions on ideas',
    PDSA_AT_SITE: 'PDSA cycles at your site',
    GROUP_INVITE: 'group invitations',
    CO_DESIGN_INVITE: 'co-design invitations',
    SITE_REQUEST: 'requests to join a site',
    SITE_REQUEST_CONFIRMED: 'confirmed site requests',
    SITE_REQUEST_DECLINED: 'declined site requests',
    DECISION_AWAITING_CONFIRMATION: 'decisions waiting for you',
    DECISION_DECLINED: 'declined decisions',
    PROPOSAL_OPENED: 'new proposals',
  },
  sv: {
    MENTION: 'omnämnanden',
    REPLY: 'svar',
    IDEA_DECISION: 'beslut om idéer',
    PDSA_AT_SITE: 'PDSA-cykler på din enhet',
    GROUP_INVITE: 'gruppinbjudningar',
    CO_DESIGN_INVITE: 'inbjudningar att samskapa',
    SITE_REQUEST: 'förfrågningar om att gå med i en enhet',
    SITE_REQUEST_CONFIRMED: 'bekräftade förfrågningar',
    SITE_REQUEST_DECLINED: 'avböjda förfrågningar',
    DECISION_AWAITING_CONFIRMATION: 'beslut som väntar på dig',
    DECISION_DECLINED: 'avböjda beslut',
    PROPOSAL_OPENED: 'nya förslag',
  },
};

export function notificationEmail(
  locale: Locale,
  facts: {
    networkName: string;
    kind: NotificationKind;
    actorName: string | null;
    title: string;
    detail: string | null;
    link: string;
    settingsUrl: string;
    unsubscribeUrl: string;
  },
): RenderedEmail {
  const line = notificationLine(locale, facts.kind, facts.actorName, facts.title);
  const blocks: Block[] = [];
  if (facts.detail) blocks.push({ kind: 'quote', text: facts.detail });
  blocks.push({ kind: 'action', label: locale === 'sv' ? 'Öppna i Commons' : 'Open in Commons', url: facts.link });
  const kindName = KIND_NAMES[locale][facts.kind];
  return renderEmail({
    locale,
    subject: `[${facts.networkName}] ${line}`,
    heading: line,
    blocks,
    footer:
      locale === 'sv'
        ? [
            `Du får det här mejlet eftersom du valt e-post direkt för ${kindName}.`,
            `Ändra dina e-postinställningar: ${facts.settingsUrl}`,
          ]
        : [
            `You get this email because you chose email right away for ${kindName}.`,
            `Change your email settings: ${facts.settingsUrl}`,
          ],
    unsubscribe: { label: UNSUBSCRIBE_LABEL[locale], url: facts.unsubscribeUrl },
  });
}

export interface DigestSection {
  heading: string;
  url: string | null;
  items: { text: string; url: string | null }[];
}

export function digestEmail(
  locale: Locale,
  facts: {
    frequency: 'DAILY' | 'WEEKLY';
    networkName: string;
    count: number;
    sections: DigestSection[];
    notificationsUrl: string;
    settingsUrl: string;
    unsubscribeUrl: string;
  },
): RenderedEmail {
  const daily = facts.frequency === 'DAILY';
  const subject =
    locale === 'sv'
      ? `[${facts.networkName}] ${daily ? 'Dagens' : 'Veckans'} sammanfattning: ${facts.count} ${facts.count === 1 ? 'nyhet' : 'nyheter'}`
      : `[${facts.networkName}] Your ${daily ? 'daily' : 'weekly'} digest: ${facts.count} new ${facts.count === 1 ? 'update' : 'updates'}`;
  const heading = locale === 'sv' ? `Det här har hänt i ${facts.networkName}` : `What happened in ${facts.networkName}`;
  return renderEmail({
    locale,
    subject,
    heading,
    blocks: [
      ...facts.sections.map((section) => ({ kind: 'section' as const, ...section })),
      { kind: 'action', label: locale === 'sv' ? 'Alla notiser' : 'All notifications', url: facts.notificationsUrl },
    ],
    footer:
      locale === 'sv'
        ? [
            `Du får det här mejlet eftersom du valt en ${daily ? 'daglig' : 'veckovis'} sammanfattning. Det du redan läst i Commons tas inte med.`,
            `Ändra dina e-postinställningar: ${facts.settingsUrl}`,
          ]
        : [
            `You get this email because you chose a ${daily ? 'daily' : 'weekly'} digest. What you already read in Commons is left out.`,
            `Change your email settings: ${facts.settingsUrl}`,
          ],
    unsubscribe: { label: UNSUBSCRIBE_LABEL[locale], url: facts.unsubscribeUrl },
  });
}

export function reportReminderEmail(
  locale: Locale,
  facts: {
    overdue: boolean;
    daysLeft: number;
    networkName: string;
    siteName: string;
    month: string;
    dueOn: Date;
    link: string;
    settingsUrl: string;
    unsubscribeUrl: string;
  },
): RenderedEmail {
  const month = formatMonth(locale, facts.month);
  const due = formatDate(locale, facts.dueOn);
  const t =
    locale === 'sv'
      ? facts.overdue
        ? {
            subject: `[${facts.networkName}] Rapporten för ${month} är försenad`,
            body: `${facts.siteName}s rapport för ${month} skulle ha lämnats in senast ${due}.`,
          }
        : {
            subject: `[${facts.networkName}] Rapporten för ${month} ska lämnas in om ${facts.daysLeft} dagar`,
            body: `${facts.siteName}s rapport för ${month} ska lämnas in senast ${due}.`,
          }
      : facts.overdue
        ? {
            subject: `[${facts.networkName}] The ${month} report is overdue`,
            body: `${facts.siteName}'s report for ${month} was due on ${due}.`,
          }
        : {
            subject: `[${facts.networkName}] The ${month} report is due in ${facts.daysLeft} days`,
            body: `${facts.siteName}'s report for ${month} is due on ${due}.`,
          };
  return renderEmail({
    locale,
    subject: t.subject,
    heading: t.subject.replace(/^\[[^\]]*\] /, ''),
    blocks: [
      { kind: 'paragraph', text: t.body },
      { kind: 'action', label: locale === 'sv' ? 'Öppna månadsformuläret' : 'Open the month form', url: facts.link },
    ],
    footer:
      locale === 'sv'
        ? [
            'Du får det här mejlet eftersom du rapporterar för din enhet. Påminnelserna slutar när månaden är inlämnad.',
            `Ändra dina e-postinställningar: ${facts.settingsUrl}`,
          ]
        : [
            'You get this email because you report for your site. Reminders stop once the month is submitted.',
            `Change your email settings: ${facts.settingsUrl}`,
          ],
    unsubscribe: { label: UNSUBSCRIBE_LABEL[locale], url: facts.unsubscribeUrl },
  });
}
