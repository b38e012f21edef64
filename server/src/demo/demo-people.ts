import type { Role } from '@commons/shared';

/** The demo network: a paediatric inflammatory bowel disease (IBD) learning network. */
export const DEMO_NETWORK = {
  slug: 'northstar-ibd',
  name: 'NorthStar Paediatric IBD Network',
  description:
    "Children and young people with Crohn's disease and ulcerative colitis, their families, and the teams at eight care centres, " +
    'working together so that more children are in remission and living full lives.',
};

export const DEMO_SITES = [
  { slug: 'riverside', name: "Riverside Children's Hospital", city: 'Gothenburg' },
  { slug: 'st-brigid', name: "St Brigid's Paediatric Centre", city: 'Dublin' },
  { slug: 'lakeview', name: 'Lakeview University Hospital', city: 'Uppsala' },
  { slug: 'harbour', name: "Harbour City Children's", city: 'Bristol' },
  { slug: 'northfield', name: 'Northfield Regional Hospital', city: 'Umeå' },
  { slug: 'meadowbank', name: "Meadowbank Children's Clinic", city: 'Edinburgh' },
  { slug: 'eastgate', name: 'Eastgate Medical Centre', city: 'Malmö' },
  { slug: 'valley', name: 'Valley General Paediatrics', city: 'Cardiff' },
] as const;

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_EMAIL_DOMAIN = 'demo.commons.test';

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
export const DEMO_SIGN_INS: { role: Role; email: string; name: string; site: number | null }[] = [
  { role: 'NETWORK_ADMIN', email: `admin@${DEMO_EMAIL_DOMAIN}`, name: 'Maya Lindqvist', site: null },
  { role: 'SITE_LEAD', email: `sitelead@${DEMO_EMAIL_DOMAIN}`, name: 'Dr. Oskar Nyberg', site: 0 },
  { role: 'CLINICIAN', email: `clinician@${DEMO_EMAIL_DOMAIN}`, name: 'Aisha Rahman', site: 0 },
  { role: 'RESEARCHER', email: `researcher@${DEMO_EMAIL_DOMAIN}`, name: 'Dr. Tomás Ferreira', site: null },
  { role: 'PATIENT_PARTNER', email: `patient@${DEMO_EMAIL_DOMAIN}`, name: 'Elin Sandberg', site: 0 },
  { role: 'FAMILY_MEMBER', email: `family@${DEMO_EMAIL_DOMAIN}`, name: "Grace O'Connell", site: 1 },
];

const FIRST_NAMES = [
  'Amara',
  'Björn',
  'Chloe',
  'Dawit',
  'Emma',
  'Farah',
  'Gustav',
  'Hannah',
  'Ibrahim',
  'Johanna',
  'Kofi',
  'Linnea',
  'Mohammed',
  'Niamh',
  'Olivia',
  'Priya',
  'Rasmus',
  'Saoirse',
  'Tariq',
  'Ulrika',
  'Vera',
  'William',
  'Yusuf',
  'Zara',
  'Astrid',
  'Ciarán',
  'Dilnoza',
  'Erik',
  'Fatima',
  'Gareth',
  'Hiroshi',
  'Isla',
  'Jonas',
  'Karin',
  'Leon',
  'Mei',
  'Nils',
  'Oona',
  'Pedro',
  'Rhiannon',
  'Samir',
  'Tove',
  'Anders',
  'Bethan',
  'Carlos',
  'Dagny',
  'Ewan',
  'Freja',
  'Hamza',
  'Ingrid',
  'Jamal',
  'Klara',
  'Lars',
  'Maeve',
  'Noor',
  'Owen',
  'Petra',
  'Ruairí',
  'Sofia',
  'Theo',
];
const LAST_NAMES = [
  'Andersson',
  'Byrne',
  'Chaudhry',
  'Davies',
  'Eriksson',
  'Fitzgerald',
  'Gonzalez',
  'Hughes',
  'Ivanova',
  'Jensen',
  'Kelly',
  'Larsson',
  'Murphy',
  'Nilsson',
  'Okafor',
  'Persson',
  'Quinn',
  'Roberts',
  'Svensson',
  'Thomas',
  'Usman',
  'Virtanen',
  'Walsh',
  'Yilmaz',
  'Ahmed',
  'Berg',
  'Campbell',
  'Doyle',
  'Ekström',
  'Forsberg',
  'Gallagher',
  'Holm',
];

const INTERESTS_BY_ROLE: Record<Role, string[]> = {
  PATIENT_PARTNER: [
    'school support',
    'transition to adult care',
    'mental health',
    'peer support',
    'nutrition',
    'sport',
    'fatigue',
    'self-management',
    'telehealth',
  ],
  FAMILY_MEMBER: [
    'nutrition',
    'school support',
    'sibling support',
    'mental health',
    'shared decision making',
    'exclusive enteral nutrition',
    'sleep',
    'peer support',
  ],
  CLINICIAN: [
    'biologics',
    'therapeutic drug monitoring',
    'exclusive enteral nutrition',
    'shared decision making',
    'growth',
    'anaemia',
    'transition to adult care',
    'telehealth',
    'nutrition',
  ],
  RESEARCHER: [
    'qi methods',
    'spc charts',
    'data quality',
    'patient-reported outcomes',
    'health economics',
    'biologics',
    'implementation science',
  ],
  SITE_LEAD: [
    'qi methods',
    'data quality',
    'pre-visit planning',
    'population management',
    'shared decision making',
    'spc charts',
    'transition to adult care',
  ],
  NETWORK_ADMIN: ['qi methods', 'co-design', 'spc charts', 'peer support', 'data quality', 'implementation science'],
};

const BIOS: Record<Role, string[]> = {
  PATIENT_PARTNER: [
    "Diagnosed with Crohn's at {age}. I want the next kids to get answers faster than I did, and to feel heard in clinic.",
    'Living with ulcerative colitis since I was {age}. I help design the school-support toolkit and speak at network meetings.',
    "I have had Crohn's since {age}. Interested in how we talk about fatigue and in making transition to adult care less scary.",
  ],
  FAMILY_MEMBER: [
    "Parent of a {age}-year-old with Crohn's. I co-design change ideas on nutrition and on keeping school going during flares.",
    'Mum of two, one with ulcerative colitis. Happy to share what helped our family through the first year after diagnosis.',
    'Dad and carer. I care about clear information at diagnosis and about support for brothers and sisters.',
  ],
  CLINICIAN: [
    'Paediatric gastroenterologist. I run our biologics clinic and lead our PDSA tests on pre-visit planning.',
    'IBD nurse specialist for {years} years. I coordinate exclusive enteral nutrition and our family phone line.',
    'Paediatric dietitian. Working on growth monitoring and making nutrition advice practical for busy families.',
  ],
  RESEARCHER: [
    'Health services researcher studying how learning networks spread what works between sites.',
    "Epidemiologist. I help sites read their SPC charts and I look after the network's data quality reports.",
    'Implementation scientist interested in patient-reported outcomes and in co-production with families.',
  ],
  SITE_LEAD: [
    'QI lead for our site. I chair our monthly improvement huddle and make sure our measures go in on time.',
    'Consultant and site lead. Our team is testing population management and a transition clinic this year.',
  ],
  NETWORK_ADMIN: ['Network coordinator. I look after membership, onboarding of new sites and our learning sessions.'],
};

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

const ROLE_PLAN: { role: Role; count: number; perSite: boolean }[] = [
  { role: 'NETWORK_ADMIN', count: 1, perSite: false },
  { role: 'SITE_LEAD', count: 7, perSite: true },
  { role: 'CLINICIAN', count: 15, perSite: true },
  { role: 'RESEARCHER', count: 7, perSite: false },
  { role: 'PATIENT_PARTNER', count: 13, perSite: true },
  { role: 'FAMILY_MEMBER', count: 11, perSite: true },
];

/** The demo members: the six memorable sign-ins plus 54 generated people, 60 in all. */
export function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [];
  let n = 0;
  const person = (role: Role, name: string, email: string, site: number | null): DemoPerson => {
    const i = n++;
    const interests = [
      pick(INTERESTS_BY_ROLE[role], i),
      pick(INTERESTS_BY_ROLE[role], i + 3),
      pick(INTERESTS_BY_ROLE[role], i * 7 + 1),
    ];
    return {
      name,
      email,
      role,
      site,
      pronouns: i % 4 === 0 ? pick(['she/her', 'he/him', 'they/them'], i) : null,
      interests: [...new Set(interests)],
      bio: pick(BIOS[role], i)
        .replace('{age}', String(6 + (i % 10)))
        .replace('{years}', String(3 + (i % 15))),
    };
  };
  for (const signIn of DEMO_SIGN_INS) people.push(person(signIn.role, signIn.name, signIn.email, signIn.site));
  // Every site gets a lead: site 0's is the memorable one, sites 1-7 get generated leads.
  for (const plan of ROLE_PLAN) {
    for (let k = 0; k < plan.count; k += 1) {
      const name = `${plan.role === 'CLINICIAN' || plan.role === 'SITE_LEAD' ? 'Dr. ' : ''}${pick(FIRST_NAMES, n * 7 + k)} ${pick(LAST_NAMES, n * 5 + k * 3)}`;
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
