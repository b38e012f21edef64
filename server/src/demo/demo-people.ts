import type { Role } from '@commons/shared';
import { z } from 'zod';
import { readDemoData, roleSchema, siteIndexSchema } from './demo-data';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_EMAIL_DOMAIN = 'demo.commons.test';

/** A text for each role. */
const byRole = <T extends z.ZodType>(value: T) => z.record(roleSchema, value);

/**
 * data/people.json: the demo network, its sites, the memorable sign-ins (by the part of their
 * email before the @), and what the generated members are made of: how many of each role, their
 * names, pronouns, interests and bios (`{age}` and `{years}` are filled in per person).
 */
const peopleFileSchema = z
  .strictObject({
    network: z.strictObject({ slug: z.string().min(1), name: z.string().min(1), description: z.string().min(1) }),
    sites: z
      .array(z.strictObject({ slug: z.string().min(1), name: z.string().min(1), city: z.string().min(1) }))
      .min(1),
    signIns: z.array(
      z.strictObject({
        signIn: z.string().regex(/^[a-z]+$/, 'the part of an email before the @, in lower case letters'),
        role: roleSchema,
        name: z.string().min(1),
        site: siteIndexSchema.nullable(),
      }),
    ),
    generated: z.array(z.strictObject({ role: roleSchema, count: z.number().int().min(0), perSite: z.boolean() })),
    firstNames: z.array(z.string().min(1)).min(1),
    lastNames: z.array(z.string().min(1)).min(1),
    pronouns: z.array(z.string().min(1)).min(1),
    interests: byRole(z.array(z.string().min(1)).min(1)),
    bios: byRole(z.array(z.string().min(1)).min(1)),
  })
  .superRefine((file, context) => {
    file.signIns.forEach((signIn, i) => {
      if (signIn.site !== null && signIn.site >= file.sites.length)
        context.addIssue({ code: 'custom', path: ['signIns', i, 'site'], message: `no site ${signIn.site}` });
    });
  });

const PEOPLE = readDemoData('people.json', peopleFileSchema);

/** The demo network: a paediatric inflammatory bowel disease (IBD) learning network. */
export const DEMO_NETWORK = PEOPLE.network;

export const DEMO_SITES = PEOPLE.sites;

export interface DemoPerson {
  name: string;
  email: string;
  role: Role;
  /** Index into DEMO_SITES, or null for network-wide members. */
  site: number | null;
  pronouns: string | null;
  interests: string[];
  bio: string;
}

/** One memorable sign-in per role, listed in the README and the start-up log. */
export const DEMO_SIGN_INS: { role: Role; email: string; name: string; site: number | null }[] = PEOPLE.signIns.map(
  ({ signIn, role, name, site }) => ({ role, email: `${signIn}@${DEMO_EMAIL_DOMAIN}`, name, site }),
);

// Deterministic, so every fresh start seeds the same people.
function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length];
}

function slugEmail(name: string): string {
  const plain = name
    .replace(/^Dr\. /, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  return `${plain}@${DEMO_EMAIL_DOMAIN}`;
}

/** The demo members: the six memorable sign-ins plus 54 generated people, 60 in all. */
export function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [];
  let n = 0;
  const person = (role: Role, name: string, email: string, site: number | null): DemoPerson => {
    const i = n++;
    const interests = [
      pick(PEOPLE.interests[role], i),
      pick(PEOPLE.interests[role], i + 3),
      pick(PEOPLE.interests[role], i * 7 + 1),
    ];
    return {
      name,
      email,
      role,
      site,
      pronouns: i % 4 === 0 ? pick(PEOPLE.pronouns, i) : null,
      interests: [...new Set(interests)],
      bio: pick(PEOPLE.bios[role], i)
        .replace('{age}', String(6 + (i % 10)))
        .replace('{years}', String(3 + (i % 15))),
    };
  };
  for (const signIn of DEMO_SIGN_INS) people.push(person(signIn.role, signIn.name, signIn.email, signIn.site));
  // Every site gets a lead: site 0's is the memorable one, sites 1-7 get generated leads.
  for (const plan of PEOPLE.generated) {
    for (let k = 0; k < plan.count; k += 1) {
      const name = `${plan.role === 'CLINICIAN' || plan.role === 'SITE_LEAD' ? 'Dr. ' : ''}${pick(PEOPLE.firstNames, n * 7 + k)} ${pick(PEOPLE.lastNames, n * 5 + k * 3)}`;
      const site = plan.perSite ? (plan.role === 'SITE_LEAD' ? k + 1 : (k + 1) % DEMO_SITES.length) : null;
      people.push(person(plan.role, name, slugEmail(name), site));
    }
  }
  return dedupeEmails(people);
}

function dedupeEmails(people: DemoPerson[]): DemoPerson[] {
  const seen = new Map<string, number>();
  return people.map((p) => {
    const count = seen.get(p.email) ?? 0;
    seen.set(p.email, count + 1);
    return count === 0 ? p : { ...p, email: p.email.replace('@', `${count + 1}@`) };
  });
}
