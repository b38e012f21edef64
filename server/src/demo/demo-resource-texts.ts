import type { ResourceKind, Role } from '@commons/shared';

/** Who wrote a demo resource: a role, and a site index (null: someone without a site). */
export interface DemoAuthor {
  role: Role;
  site: number | null;
}

/** A resource of the demo commons. `key` names it for adaptations, seeding and the relevance tests. */
export interface DemoResource {
  key: string;
  kind: ResourceKind;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  audiences: Role[];
  by: DemoAuthor;
  site: number | null;
  /** How long ago it was posted, in days. */
  daysAgo: number;
  license?: string;
  /** The key of the resource it was adapted from. */
  adaptedFrom?: string;
  /** Sites that said "we used this", with their note. */
  uses?: { site: number; note: string }[];
  /** How many members marked it helpful. */
  helpful?: number;
  /** Later edits, each a new version: what changed in the body, and the note. */
  edits?: { append: string; note: string; daysAgo: number }[];
}

const PATIENT: Role = 'PATIENT_PARTNER';
const FAMILY: Role = 'FAMILY_MEMBER';
const CLINICIAN: Role = 'CLINICIAN';
const RESEARCHER: Role = 'RESEARCHER';
const LEAD: Role = 'SITE_LEAD';
const ADMIN: Role = 'NETWORK_ADMIN';
const FAMILIES: Role[] = [PATIENT, FAMILY];
const CARE_TEAM: Role[] = [CLINICIAN, LEAD];
const QI: Role[] = [LEAD, CLINICIAN, RESEARCHER, ADMIN];

const by = (role: Role, site: number | null): DemoAuthor => ({ role, site });

/**
 * The demo commons of the NorthStar network: tools, templates, guides, stories, change packages
 * and dataset descriptions, in the voices of young people, parents, clinicians and QI teams.
 */
export const DEMO_RESOURCES: DemoResource[] = [
  // ---- Flares, symptoms and everyday life -------------------------------------------------------
  {
    key: 'flare-plan',
    kind: 'TOOL',
    title: 'Flare action plan for young people with Crohn\'s or colitis',
    summary: 'A one-page traffic-light plan: what a flare looks like for you, what to do at home, and when to call the IBD team.',
    body: `## Why a plan?
When a flare starts it is hard to think clearly. Filling this in **with your IBD nurse at a calm visit** means you already know what to do.

## Green: I am well
- Stools: ___ a day, no blood
- Keep taking my medicines as usual

## Amber: a flare may be starting
- More trips to the toilet, tummy pain, blood in stools, waking at night
- Call the IBD nurse line the same day: **___**
- Do a calprotectin test if the team asks for one

## Red: go to hospital
- Fever, a lot of blood, vomiting, severe pain, feeling faint

Keep a photo of the plan on your phone and give a copy to school.`,
    tags: ['flare', 'self-management', 'action plan', 'nurse line'],
    audiences: [PATIENT, FAMILY, CLINICIAN],
    by: by(CLINICIAN, 0),
    site: 0,
    daysAgo: 520,
    uses: [
      { site: 0, note: 'Given to every family at diagnosis since spring.' },
      { site: 2, note: 'Translated into Swedish and used in our nurse clinic.' },
      { site: 3, note: 'Part of our transition clinic pack.' },
      { site: 5, note: 'Used during our flare-pathway PDSA.' },
    ],
    helpful: 14,
    edits: [{ append: '\n\n_Updated: the amber section now mentions night-time symptoms, after feedback from patient partners._', note: 'Added night-time symptoms to amber', daysAgo: 400 }],
  },
  {
    key: 'flare-plan-stbrigid',
    kind: 'TOOL',
    title: 'Flare action plan (St Brigid\'s version with our phone numbers)',
    summary: 'Our site\'s copy of the network flare action plan, with our nurse line hours and an out-of-hours route through the children\'s emergency department.',
    body: `Adapted from the network flare action plan.

## What we changed at St Brigid's
- Our IBD nurse line is open 8:30-16:30 on weekdays; outside those hours families go through the children's emergency department, who can reach the on-call gastroenterologist.
- We added a box for the **weight at diagnosis**, because parents asked how to tell weight loss early.
- Amber now says to send a photo of the stool chart through the patient portal.

## Green, amber, red
The three zones are the same as the network plan: green when well, amber when a flare may be starting (call us the same day), red when you need hospital.`,
    tags: ['flare', 'action plan', 'nurse line', 'out of hours'],
    audiences: [PATIENT, FAMILY],
    by: by(CLINICIAN, 1),
    site: 1,
    daysAgo: 380,
    adaptedFrom: 'flare-plan',
    uses: [{ site: 1, note: 'Handed out at every diagnosis visit.' }],
    helpful: 5,
  },
  {
    key: 'flare-plan-teen',
    kind: 'TOOL',
    title: 'My flare plan: the teen version',
    summary: 'Rewritten by young people on the patient panel: shorter, in our own words, with a checklist you can keep in your phone notes.',
    body: `Adapted from the St Brigid's flare plan by the NorthStar youth panel.

We cut it down to what we actually read when we feel rubbish:

1. **Notice it.** More toilet trips than usual, blood, pain that wakes you up.
2. **Tell someone.** A parent, or message the IBD nurse yourself - you are allowed to!
3. **Don't wait for the next clinic.** A flare caught early is shorter.
4. **Red flags:** high temperature, fainting, lots of blood - go to A&E.

Tip from us: set the nurse line as a favourite contact now, not during a flare.`,
    tags: ['flare', 'teenagers', 'self-management', 'youth panel'],
    audiences: [PATIENT],
    by: by(PATIENT, 1),
    site: 1,
    daysAgo: 300,
    adaptedFrom: 'flare-plan-stbrigid',
    uses: [{ site: 4, note: 'Our teen clinic uses this instead of the long version.' }],
    helpful: 9,
  },
  {
    key: 'symptom-diary',
    kind: 'TEMPLATE',
    title: 'Two-week symptom and stool diary',
    summary: 'A printable diary for stools (Bristol scale), pain, blood, sleep and school days missed, to bring to clinic.',
    body: `Fill in one line a day for two weeks before your appointment.

| Day | Stools | Bristol type | Blood? | Pain 0-10 | Woke at night? | School missed? |
|---|---|---|---|---|---|---|
| Mon | | | | | | |

**For clinicians:** the diary maps onto the short PUCAI and wPCDAI items, so you can score disease activity from it at the visit.`,
    tags: ['symptoms', 'diary', 'pre-visit', 'disease activity'],
    audiences: [PATIENT, FAMILY, CLINICIAN],
    by: by(CLINICIAN, 2),
    site: 2,
    daysAgo: 470,
    uses: [{ site: 2, note: 'Sent with the appointment letter.' }, { site: 6, note: 'Used for new patients only.' }],
    helpful: 6,
  },
  {
    key: 'fatigue-guide',
    kind: 'GUIDE',
    title: 'Fatigue with IBD: when you feel tired all the time',
    summary: 'Written with young people: why IBD makes you tired even in remission, what to check (iron, vitamin D, sleep, mood) and what helped us.',
    body: `Feeling tired all the time is one of the most common things young people with IBD tell us about, and one of the least talked about in clinic.

## Things worth checking with your team
- **Anaemia and iron stores** (ferritin), vitamin D and B12
- Disease activity: fatigue can be the first sign of a flare
- Sleep: are you waking at night for the toilet?
- Mood: low mood and anxiety make tiredness worse, and are common

## What helped us
- Pacing: planning rest before busy days, not after
- Telling teachers that tiredness is part of the illness
- Gentle exercise - it sounds backwards, but it helped most of us`,
    tags: ['fatigue', 'sleep', 'mental health', 'anaemia'],
    audiences: [PATIENT, FAMILY, CLINICIAN],
    by: by(PATIENT, 0),
    site: 0,
    daysAgo: 260,
    uses: [{ site: 0, note: 'Linked from our clinic letters.' }],
    helpful: 11,
  },
  {
    key: 'sleep-tips',
    kind: 'GUIDE',
    title: 'Better sleep during a flare: tips from families',
    summary: 'Practical ideas from parents for nights with toilet trips, steroids and worry.',
    body: `Steroids, night-time toilet trips and worry all break sleep. Parents on the family panel collected what worked:

- A night light and a clear path to the toilet
- Taking steroids in the **morning** (ask your team first)
- A "worry notebook" by the bed for older children
- Agreeing with school that mornings after a bad night can start later`,
    tags: ['sleep', 'flare', 'steroids', 'family tips'],
    audiences: FAMILIES,
    by: by(FAMILY, 1),
    site: 1,
    daysAgo: 200,
    helpful: 4,
  },
  {
    key: 'sport-guide',
    kind: 'GUIDE',
    title: 'Sport and exercise with IBD',
    summary: 'Can I play football with Crohn\'s? Yes. How to keep doing sport, including with a stoma, during steroids and after surgery.',
    body: `Most young people with IBD can do all the sport they enjoy.

- **During a flare:** listen to your body; swimming and walking are gentle options.
- **On steroids:** bones can be weaker, so ask about vitamin D and calcium.
- **With a stoma:** support belts exist for contact sports; our stoma nurse can fit one.
- **Football, hockey, dance:** tell your coach where the nearest toilet is and agree a signal.`,
    tags: ['sport', 'exercise', 'stoma', 'bone health'],
    audiences: [PATIENT, FAMILY],
    by: by(CLINICIAN, 3),
    site: 3,
    daysAgo: 330,
    helpful: 3,
  },
  {
    key: 'travel-checklist',
    kind: 'TOOL',
    title: 'Travelling abroad with IBD: a packing and planning checklist',
    summary: 'Medicines in hand luggage, a letter for airport security, fridge bags for adalimumab, travel insurance and vaccines.',
    body: `- [ ] Medicines for the whole trip **plus a week**, in hand luggage
- [ ] Letter from the team for needles and injectable biologics at airport security
- [ ] Cool bag for adalimumab; check the hotel has a fridge
- [ ] Travel insurance that covers IBD
- [ ] Live vaccines (e.g. yellow fever) are **not** allowed on immunosuppression: ask early
- [ ] "Can't wait" toilet card in the local language`,
    tags: ['travel', 'biologics', 'vaccination', 'checklist'],
    audiences: [PATIENT, FAMILY],
    by: by(FAMILY, 2),
    site: 2,
    daysAgo: 150,
    helpful: 5,
  },

  // ---- School -----------------------------------------------------------------------------------
  {
    key: 'school-letter',
    kind: 'TEMPLATE',
    title: 'School letter template: explaining IBD to teachers',
    summary: 'A letter families and the IBD nurse send to the school: what Crohn\'s disease and ulcerative colitis are, and the support a pupil needs.',
    body: `Dear teacher,

**[Name]** has inflammatory bowel disease (IBD): Crohn's disease or ulcerative colitis. It is a long-term condition of the gut. It is not contagious and it is not caused by food or stress.

## What this can mean at school
- Needing the toilet urgently and often: please allow leaving class without asking, and access to a private toilet
- Tiredness, even on good days
- Missing lessons for hospital appointments and infusions
- Needing to eat or drink in class

## How you can help
- Agree a discreet signal for leaving the room
- Send work home during flares
- Make a plan for exams (rest breaks, a room near a toilet)

Please contact the IBD nurse specialist at [hospital] if you have questions.`,
    tags: ['school', 'teachers', 'template', 'letter'],
    audiences: [FAMILY, PATIENT, CLINICIAN],
    by: by(CLINICIAN, 0),
    site: 0,
    daysAgo: 600,
    uses: [
      { site: 0, note: 'Sent for every new patient with consent.' },
      { site: 1, note: 'We send it at the start of each school year.' },
      { site: 4, note: 'Used with the school nurse service.' },
      { site: 6, note: 'Translated for our Arabic-speaking families.' },
      { site: 7, note: 'Part of our welcome pack.' },
    ],
    helpful: 18,
  },
  {
    key: 'school-letter-secondary',
    kind: 'TEMPLATE',
    title: 'School letter for secondary school and exams',
    summary: 'The school letter adapted for teenagers: exam arrangements, PE, school trips and a pupil-written section.',
    body: `Adapted from the network school letter for pupils aged 12 and over.

## Added for secondary school
- **Exam access arrangements:** rest breaks, a seat near the door, a room close to a toilet
- **PE:** taking part, with the option to sit out during a flare without a note each time
- **School trips:** medicines, toilets on the coach route, a named adult who knows

## In my own words (written by the pupil)
"Sometimes I need to leave quickly. I am not skiving. I would rather you didn't ask me why in front of the class."`,
    tags: ['school', 'teenagers', 'exams', 'letter'],
    audiences: [PATIENT, FAMILY],
    by: by(FAMILY, 3),
    site: 3,
    daysAgo: 420,
    adaptedFrom: 'school-letter',
    uses: [{ site: 3, note: 'Used for all year 10 and 11 pupils.' }],
    helpful: 8,
  },
  {
    key: 'school-letter-sv',
    kind: 'TEMPLATE',
    title: 'Skolbrev: IBD information for teachers in Swedish schools',
    summary: 'The school letter adapted to the Swedish school system, with elevhälsan (the school health team) and the rules on adjusted exams.',
    body: `Adapted from the network school letter for Swedish schools.

- Addressed to the class teacher and **elevhälsan**, the school health team
- Refers to *extra anpassningar* (extra adjustments) that the school can make without a formal decision
- Adds the school nurse as the contact for medicines at school

The rest follows the network letter: what IBD is, urgent toilet access, tiredness and missed lessons.`,
    tags: ['school', 'letter', 'swedish'],
    audiences: [FAMILY, CLINICIAN],
    by: by(CLINICIAN, 2),
    site: 2,
    daysAgo: 360,
    adaptedFrom: 'school-letter',
    uses: [{ site: 2, note: 'Standard letter at Lakeview.' }, { site: 4, note: 'Used in Umeå too.' }],
    helpful: 4,
  },
  {
    key: 'back-to-school-story',
    kind: 'STORY',
    title: 'Going back to school after six weeks in hospital',
    summary: 'A 14-year-old on how she went back to school after a hospital stay, what her friends knew, and what she would tell teachers.',
    body: `I was in hospital for six weeks when I was diagnosed with ulcerative colitis. Going back to school scared me more than the colonoscopy.

What helped: my mum and the IBD nurse met my head of year **before** my first day back. I started with half days for two weeks. I chose two friends to tell properly, and we agreed what to say if anyone asked ("I had a bowel thing, I'm fine now").

What I would tell teachers: don't make a big deal in front of everyone. Just let me go to the toilet.`,
    tags: ['school', 'hospital stay', 'ulcerative colitis', 'friends'],
    audiences: [PATIENT, FAMILY],
    by: by(PATIENT, 1),
    site: 1,
    daysAgo: 280,
    helpful: 12,
  },
  {
    key: 'toilet-card',
    kind: 'TOOL',
    title: '"Can\'t wait" toilet access card',
    summary: 'A printable card that asks shops, cafés and schools for urgent toilet access, in five languages.',
    body: `Print, fold and keep in a wallet or phone case.

> I have a medical condition (inflammatory bowel disease) that means I need to use a toilet urgently. Thank you for your understanding.

Available in English, Swedish, Welsh, Irish and Arabic.`,
    tags: ['toilet access', 'urgency', 'school', 'travel'],
    audiences: FAMILIES,
    by: by(ADMIN, null),
    site: null,
    daysAgo: 640,
    uses: [{ site: 0, note: 'In our welcome pack.' }, { site: 5, note: 'Given at diagnosis.' }, { site: 7, note: 'Printed on card by our charity.' }],
    helpful: 7,
  },

  // ---- Nutrition --------------------------------------------------------------------------------
  {
    key: 'een-guide',
    kind: 'GUIDE',
    title: 'Exclusive enteral nutrition (EEN): a guide for families',
    summary: 'Eight weeks of formula only, to bring Crohn\'s disease into remission without steroids: what to expect week by week, and how families got through it.',
    body: `Exclusive enteral nutrition (EEN) means taking **only** a nutritional formula - no food - for usually 6 to 8 weeks. In children with Crohn's disease it works as well as steroids to bring on remission, and it helps growth.

## Week by week
- **Week 1:** the hardest. Hunger and missing food. Many children drink the formula cold or through a straw.
- **Weeks 2-4:** energy usually comes back; tummy pain settles.
- **Weeks 5-8:** keep going! Plan a "food return" celebration with your dietitian.

## Tips from families
- The whole family eats out of sight for the first week
- Chewing gum and clear sweets may be allowed - ask your dietitian
- Some children prefer a nasogastric tube at night so the days are easier`,
    tags: ['exclusive enteral nutrition', 'een', 'nutrition', 'crohns disease', 'remission'],
    audiences: [FAMILY, PATIENT, CLINICIAN],
    by: by(CLINICIAN, 5),
    site: 5,
    daysAgo: 560,
    uses: [
      { site: 5, note: 'Given to every EEN family.' },
      { site: 0, note: 'Used by our dietitians.' },
      { site: 2, note: 'Used together with our EEN recipe sheet.' },
    ],
    helpful: 16,
  },
  {
    key: 'een-story',
    kind: 'STORY',
    title: 'Eight weeks of shakes: our family\'s EEN story',
    summary: 'A dad on how his son got through exclusive enteral nutrition, the bad first week, and the day food came back.',
    body: `When the doctor said our son would drink nothing but shakes for eight weeks, I didn't think he could do it. He was eleven.

The first week was awful: he was hungry and angry. We stopped eating dinner at the table and went for walks instead. By week three he had energy again and his tummy pain had gone. His calprotectin came down from over 1000 to under 100.

The day food came back we had toast. He still talks about that toast.`,
    tags: ['een', 'exclusive enteral nutrition', 'family story', 'remission'],
    audiences: FAMILIES,
    by: by(FAMILY, 5),
    site: 5,
    daysAgo: 310,
    helpful: 10,
  },
  {
    key: 'een-school',
    kind: 'GUIDE',
    title: 'EEN at school: drinking formula during the school day',
    summary: 'Adapted from the EEN guide for the school day: where to keep formula, lunchtime, and talking to classmates.',
    body: `Adapted from the network EEN guide.

- Keep formula cold in the school nurse's fridge
- Lunchtime is the hardest part: a quiet room with a friend can help
- Agree what to tell classmates ("it's my medicine")`,
    tags: ['een', 'school', 'nutrition'],
    audiences: FAMILIES,
    by: by(FAMILY, 6),
    site: 6,
    daysAgo: 240,
    adaptedFrom: 'een-guide',
    helpful: 3,
  },
  {
    key: 'cded-guide',
    kind: 'GUIDE',
    title: 'Crohn\'s disease exclusion diet (CDED) with partial enteral nutrition',
    summary: 'A dietitian\'s introduction to CDED: which foods are in and out in each phase, and who it suits.',
    body: `The Crohn's disease exclusion diet combines **partial enteral nutrition** (about half of energy from formula) with a whole-food diet that leaves out processed foods, wheat and dairy for the first phases.

- Phase 1 (weeks 0-6): a short list of allowed foods plus formula
- Phase 2 (weeks 7-12): more foods come back
- Phase 3: maintenance

It can suit children with mild to moderate Crohn's who cannot manage exclusive enteral nutrition. It needs a dietitian to support the family.`,
    tags: ['nutrition', 'diet', 'cded', 'crohns disease'],
    audiences: [CLINICIAN, FAMILY],
    by: by(CLINICIAN, 2),
    site: 2,
    daysAgo: 410,
    helpful: 7,
  },
  {
    key: 'growth-chart-tool',
    kind: 'TOOL',
    title: 'Growth and puberty monitoring tool',
    summary: 'A spreadsheet that plots height velocity, BMI and pubertal stage against WHO charts and flags faltering growth at each visit.',
    body: `Growth failure is often the first sign that Crohn's disease is not controlled.

The tool:
- plots **height velocity** (cm/year) and BMI z-scores
- asks for Tanner stage at every visit from age 10
- flags a fall of more than 0.5 height z-score in a year

It supports the network measure *Growth assessed at visit*.`,
    tags: ['growth', 'puberty', 'measures', 'spreadsheet'],
    audiences: CARE_TEAM,
    by: by(CLINICIAN, 4),
    site: 4,
    daysAgo: 500,
    uses: [{ site: 4, note: 'Used in every clinic.' }, { site: 1, note: 'Piloted by our dietitian.' }],
    helpful: 5,
  },

  // ---- Medicines ---------------------------------------------------------------------------------
  {
    key: 'tdm-tool',
    kind: 'TOOL',
    title: 'Proactive therapeutic drug monitoring for infliximab and adalimumab',
    summary: 'Target trough levels, when to check them, and a dosing algorithm for low levels and antibodies.',
    body: `Checking drug levels **before** there is a problem (proactive therapeutic drug monitoring, TDM) keeps more children in remission on anti-TNF therapy.

## When to check a trough level
- Infliximab: before the 4th infusion, then every 6 months
- Adalimumab: at week 12, then every 6 months

## Targets (our consensus)
- Infliximab trough: 5-10 µg/mL in maintenance
- Adalimumab trough: 7.5-12 µg/mL

## Low level?
1. No antibodies: shorten the interval or increase the dose
2. Low-titre antibodies: optimise and add an immunomodulator
3. High-titre antibodies: switch within class`,
    tags: ['therapeutic drug monitoring', 'tdm', 'infliximab', 'adalimumab', 'biologics', 'trough levels'],
    audiences: CARE_TEAM,
    by: by(CLINICIAN, 0),
    site: 0,
    daysAgo: 480,
    uses: [
      { site: 0, note: 'Our biologics clinic protocol.' },
      { site: 2, note: 'Adopted after our TDM PDSA cycles.' },
      { site: 3, note: 'Used for infliximab only so far.' },
      { site: 6, note: 'In our infusion unit.' },
    ],
    helpful: 13,
    edits: [{ append: '\n\n_Version 2: adalimumab target raised after the 2026 consensus update._', note: 'Adalimumab target updated', daysAgo: 120 }],
  },
  {
    key: 'tdm-tool-uc',
    kind: 'TOOL',
    title: 'Therapeutic drug monitoring in acute severe colitis',
    summary: 'Adapted from the TDM tool for children with acute severe ulcerative colitis, where infliximab is cleared faster.',
    body: `Adapted from the network TDM tool.

In acute severe colitis, infliximab is lost in the stool and trough levels are often low. We:
- check a level before the **second** infusion
- use accelerated induction (10 mg/kg, shorter intervals) when albumin is low
- discuss colectomy early with surgeons if there is no response by day 7`,
    tags: ['tdm', 'infliximab', 'ulcerative colitis', 'acute severe colitis'],
    audiences: [CLINICIAN],
    by: by(CLINICIAN, 3),
    site: 3,
    daysAgo: 260,
    adaptedFrom: 'tdm-tool',
    uses: [{ site: 3, note: 'Our ward protocol.' }],
    helpful: 4,
  },
  {
    key: 'injection-guide-kids',
    kind: 'GUIDE',
    title: 'Injections at home without tears: adalimumab tips from families',
    summary: 'How families manage home injections of adalimumab and other biologics: numbing cream, distraction, and letting children take control.',
    body: `Needle fear is real, and it is one of the main reasons children miss doses.

What families told us helps:
- Take the pen out of the fridge **30 minutes before**: cold medicine stings more
- Numbing cream or an ice cube on the spot first
- Let your child choose the place and press the button themselves when ready
- A reward chart for younger children; a playlist for teenagers
- Same day, same time, every two weeks

If injections are still a battle after a month, ask about a play specialist or psychologist.`,
    tags: ['injections', 'adalimumab', 'biologics', 'needle fear', 'home treatment'],
    audiences: FAMILIES,
    by: by(FAMILY, 0),
    site: 0,
    daysAgo: 340,
    uses: [{ site: 0, note: 'Given at injection teaching.' }, { site: 7, note: 'Shared by our play specialist.' }],
    helpful: 15,
  },
  {
    key: 'injection-protocol',
    kind: 'TOOL',
    title: 'Subcutaneous biologic injection teaching protocol for nurses',
    summary: 'A nurse-led teaching session for starting adalimumab or ustekinumab injections at home, with a competency checklist.',
    body: `For IBD nurse specialists teaching families to inject.

1. Check consent, the prescription and the cold chain delivery
2. Demonstrate with a trainer pen
3. Family gives the first dose under supervision
4. Competency checklist signed by the nurse and the family
5. Phone follow-up after the second dose`,
    tags: ['injections', 'biologics', 'nursing', 'protocol'],
    audiences: [CLINICIAN],
    by: by(CLINICIAN, 6),
    site: 6,
    daysAgo: 290,
    helpful: 3,
  },
  {
    key: 'biologics-sdm',
    kind: 'TOOL',
    title: 'Choosing a biologic together: a shared decision-making aid',
    summary: 'An option grid comparing infliximab, adalimumab, vedolizumab and ustekinumab for families and clinicians to use together.',
    body: `Use this grid in clinic **with** the young person and family.

| | Infliximab | Adalimumab | Vedolizumab | Ustekinumab |
|---|---|---|---|---|
| How | Drip in hospital | Injection at home | Drip in hospital | Injection at home |
| How often | Every 8 weeks | Every 2 weeks | Every 8 weeks | Every 8 weeks |
| Works in | Crohn's and colitis | Crohn's and colitis | Mostly colitis | Mostly Crohn's |

Questions to talk about: school days missed, fear of needles, travel time to hospital.`,
    tags: ['shared decision making', 'biologics', 'decision aid', 'infliximab', 'adalimumab'],
    audiences: [PATIENT, FAMILY, CLINICIAN],
    by: by(RESEARCHER, null),
    site: null,
    daysAgo: 450,
    uses: [{ site: 0, note: 'Used in our biologics clinic.' }, { site: 5, note: 'Used for new biologic starts.' }],
    helpful: 9,
  },
  {
    key: 'steroid-taper',
    kind: 'TEMPLATE',
    title: 'Steroid taper calendar',
    summary: 'A fill-in calendar for prednisolone courses, so families know the dose each day and when the course ends.',
    body: `Write the dose in each box with your doctor or nurse. Tick each day when taken.

- Week 1: ___ mg each morning
- Week 2: ___ mg
- ... down to zero

**Never stop steroids suddenly.** Call the team if your child is vomiting and cannot keep the tablets down.`,
    tags: ['steroids', 'prednisolone', 'calendar', 'medicines'],
    audiences: FAMILIES,
    by: by(CLINICIAN, 7),
    site: 7,
    daysAgo: 390,
    uses: [{ site: 7, note: 'Given with every steroid prescription.' }],
    helpful: 6,
  },
  {
    key: 'vaccination-checklist',
    kind: 'TOOL',
    title: 'Vaccinations before starting immunosuppression or biologics',
    summary: 'A checklist to review immunity (varicella, measles) and give live vaccines before azathioprine, methotrexate or anti-TNF.',
    body: `Live vaccines cannot be given once immunosuppression starts, so check early, ideally **at diagnosis**.

- [ ] Varicella (chickenpox) IgG; vaccinate if negative and time allows
- [ ] MMR: two doses recorded?
- [ ] Inactivated vaccines: influenza every autumn, pneumococcal
- [ ] HPV from age 12
- [ ] Household contacts vaccinated`,
    tags: ['vaccination', 'biologics', 'immunosuppression', 'checklist'],
    audiences: CARE_TEAM,
    by: by(CLINICIAN, 1),
    site: 1,
    daysAgo: 430,
    uses: [{ site: 1, note: 'Part of our new-diagnosis bundle.' }],
    helpful: 4,
  },
  {
    key: 'iron-pathway',
    kind: 'TOOL',
    title: 'Iron deficiency anaemia pathway: oral iron or IV iron?',
    summary: 'How to screen for and treat iron deficiency anaemia in paediatric IBD, including when to give intravenous iron.',
    body: `Anaemia affects up to 70% of children with IBD at diagnosis.

- Screen haemoglobin, ferritin and transferrin saturation every 3-6 months
- Oral iron for mild anaemia in quiet disease (alternate-day dosing is better tolerated)
- **IV iron** (ferric carboxymaltose) when Hb < 100 g/L, during active disease, or if oral iron fails
- Recheck 4-8 weeks after treatment`,
    tags: ['anaemia', 'iron', 'blood tests', 'pathway'],
    audiences: [CLINICIAN],
    by: by(CLINICIAN, 4),
    site: 4,
    daysAgo: 350,
    uses: [{ site: 4, note: 'Adopted in our day unit.' }, { site: 2, note: 'Used with our IV iron protocol.' }],
    helpful: 5,
  },
  {
    key: 'calprotectin-home',
    kind: 'GUIDE',
    title: 'Faecal calprotectin home testing: a step-by-step guide',
    summary: 'How to do a calprotectin stool test at home with the phone app kit, and what the numbers mean.',
    body: `Faecal calprotectin shows inflammation in the gut. With the home kit you can test without coming to hospital.

1. Collect a small stool sample on the paper catcher
2. Fill the tube to the line and shake for 30 seconds
3. Put a drop on the test cassette and wait 15 minutes
4. Take a photo with the app: the result goes to your IBD team

## What the numbers mean
- Under 100: usually no active inflammation
- 100-250: grey zone, the team may repeat the test
- Over 250: likely inflammation; the team will call you`,
    tags: ['calprotectin', 'home testing', 'monitoring', 'telehealth'],
    audiences: [PATIENT, FAMILY, CLINICIAN],
    by: by(CLINICIAN, 2),
    site: 2,
    daysAgo: 220,
    uses: [{ site: 2, note: 'Rolled out to all patients on biologics.' }, { site: 0, note: 'Testing it in our telehealth clinic.' }],
    helpful: 8,
  },

  // ---- Procedures ----------------------------------------------------------------------------------
  {
    key: 'colonoscopy-prep',
    kind: 'GUIDE',
    title: 'Getting ready for a colonoscopy: bowel prep for children',
    summary: 'A child-friendly guide to the bowel preparation the day before a colonoscopy, with tips for drinking the prep.',
    body: `A colonoscopy lets the doctor look inside the large bowel. The day before, the bowel needs to be empty.

## Bowel prep tips from children who've done it
- Chill the prep and drink it through a straw
- Suck a lolly or ice pop between cups (not red ones!)
- Stay close to the toilet and bring a tablet or book
- Use barrier cream early - your bottom will thank you

On the day you will be asleep for the test (general anaesthetic) and go home the same day.`,
    tags: ['colonoscopy', 'bowel prep', 'endoscopy', 'procedures'],
    audiences: [PATIENT, FAMILY],
    by: by(PATIENT, 4),
    site: 4,
    daysAgo: 270,
    uses: [{ site: 4, note: 'Sent with endoscopy letters.' }],
    helpful: 7,
  },
  {
    key: 'mri-prep',
    kind: 'GUIDE',
    title: 'MRI enterography: what to expect',
    summary: 'Preparing a child for an MRI scan of the small bowel: the drink, the noise, keeping still, and practising at home.',
    body: `MRI enterography takes pictures of the small bowel without radiation.

- You drink about a litre of a special drink over an hour before the scan
- The scanner is noisy: you wear headphones and can listen to music
- You need to keep still for about 30 minutes; practising "statue" at home helps
- Younger children may have a play session in a practice scanner first`,
    tags: ['mri', 'imaging', 'procedures', 'preparation'],
    audiences: [PATIENT, FAMILY],
    by: by(CLINICIAN, 5),
    site: 5,
    daysAgo: 190,
    helpful: 3,
  },
  {
    key: 'diagnosis-first-weeks',
    kind: 'GUIDE',
    title: 'The first weeks after diagnosis: questions families asked us',
    summary: 'Answers to the questions parents ask most in the first weeks after their child is diagnosed with Crohn\'s disease or ulcerative colitis.',
    body: `- **Did we cause this?** No. IBD comes from a mix of genes, the immune system and the gut's bacteria.
- **Will it go away?** IBD is lifelong, but most children spend most of their time in remission.
- **Can she go to school?** Yes - see the school letter.
- **Who do we call?** The IBD nurse line on weekdays; the emergency department at night.
- **Where can we meet other families?** Ask about our peer support evenings.`,
    tags: ['new diagnosis', 'families', 'questions', 'peer support'],
    audiences: FAMILIES,
    by: by(FAMILY, 0),
    site: 0,
    daysAgo: 530,
    uses: [{ site: 0, note: 'In our diagnosis pack.' }, { site: 3, note: 'Given at the first nurse visit.' }],
    helpful: 12,
  },

  // ---- Mental health, peer support, siblings -------------------------------------------------------
  {
    key: 'psychosocial-screening',
    kind: 'TOOL',
    title: 'Psychosocial screening in IBD clinic: PHQ-9 and GAD-7 for teenagers',
    summary: 'How our clinic screens every adolescent yearly for depression and anxiety, scores the questionnaires and refers to psychology.',
    body: `Depression and anxiety are common in young people with IBD and make disease outcomes worse.

- Every patient aged 12+ completes the PHQ-9 and GAD-7 once a year, on a tablet in the waiting room
- Scores of 10 or more: the clinician discusses the result in the visit
- Any answer about self-harm: same-day conversation and safety plan
- Referral route to paediatric psychology, with a 6-week target`,
    tags: ['mental health', 'screening', 'depression', 'anxiety', 'psychology'],
    audiences: CARE_TEAM,
    by: by(LEAD, 1),
    site: 1,
    daysAgo: 460,
    uses: [{ site: 1, note: 'Standard in our teen clinic.' }, { site: 5, note: 'Adopted after a PDSA on screening rates.' }, { site: 6, note: 'Tablet-based since autumn.' }],
    helpful: 10,
  },
  {
    key: 'anxiety-story',
    kind: 'STORY',
    title: 'Living with IBD and anxiety: what I wish my doctors had asked',
    summary: 'A 17-year-old on the panic attacks that came with Crohn\'s, and the one question that changed her clinic visits.',
    body: `For two years every appointment was about my bowels and my bloods. Nobody asked how I was **feeling**. I had panic attacks before school and I thought it was just me.

Then a new nurse asked: "What's the hardest thing about having Crohn's right now?" I cried, and then I told her. She referred me to the psychologist.

If you are a doctor: please ask that question. If you are a patient: you are allowed to bring it up yourself.`,
    tags: ['mental health', 'anxiety', 'patient story', 'crohns disease'],
    audiences: [PATIENT, FAMILY, CLINICIAN],
    by: by(PATIENT, 2),
    site: 2,
    daysAgo: 230,
    helpful: 17,
  },
  {
    key: 'sibling-support',
    kind: 'GUIDE',
    title: 'Brothers and sisters: supporting siblings of a child with IBD',
    summary: 'Ideas from parents for the siblings who get less attention during hospital stays and flares.',
    body: `Siblings can feel left out, worried or jealous.

- Explain IBD in words that fit their age
- Give them a job on hospital days (packing the bag, choosing a film)
- Keep one thing that is just theirs: a weekly activity with one parent
- Sibling days run by the charity twice a year`,
    tags: ['siblings', 'families', 'peer support'],
    audiences: FAMILIES,
    by: by(FAMILY, 1),
    site: 1,
    daysAgo: 320,
    helpful: 6,
  },
  {
    key: 'peer-support-evening',
    kind: 'TOOL',
    title: 'Running a peer support evening for families',
    summary: 'How to set up a family evening at your site: invitations, a running order, ground rules and a feedback form.',
    body: `Families say meeting other families helps more than any leaflet.

## Running order (2 hours)
1. Welcome and ground rules (what is said here stays here)
2. Two families share their story (10 minutes each)
3. Small groups by age of child
4. Q&A with the IBD nurse and dietitian
5. Feedback form

Invite families personally; a letter alone brings few.`,
    tags: ['peer support', 'families', 'events', 'co-design'],
    audiences: [FAMILY, LEAD, ADMIN],
    by: by(FAMILY, 0),
    site: 0,
    daysAgo: 370,
    uses: [{ site: 0, note: 'Twice a year.' }, { site: 3, note: 'Our first evening had 14 families.' }],
    helpful: 5,
  },
  {
    key: 'peer-support-online',
    kind: 'TOOL',
    title: 'Online peer support evenings for families who live far away',
    summary: 'The peer support evening adapted for video calls, for our families who live hours from the hospital.',
    body: `Adapted from the network guide to peer support evenings for online meetings.

- 75 minutes instead of two hours; breakout rooms by age of child
- A co-host who manages the chat and the breakout rooms
- Families can join with their camera off
- Send the feedback form as a link at the end`,
    tags: ['peer support', 'telehealth', 'online', 'families'],
    audiences: [FAMILY, LEAD],
    by: by(LEAD, 4),
    site: 4,
    daysAgo: 210,
    adaptedFrom: 'peer-support-evening',
    uses: [{ site: 4, note: 'Every quarter.' }, { site: 7, note: 'For our rural families.' }],
    helpful: 4,
  },
  {
    key: 'telehealth-visits',
    kind: 'GUIDE',
    title: 'Video clinic visits: making telehealth work for teenagers',
    summary: 'What we learned from a year of video visits: which visits suit video, how to do a private part of the visit, and tech tips.',
    body: `- Good for: routine reviews in remission, results, mental health check-ins
- Not for: new symptoms needing examination, growth checks
- Always offer a few minutes **alone with the young person**
- Send a link the day before and a text 10 minutes before`,
    tags: ['telehealth', 'video visits', 'teenagers'],
    audiences: CARE_TEAM,
    by: by(CLINICIAN, 7),
    site: 7,
    daysAgo: 250,
    helpful: 4,
  },

  // ---- Transition to adult care -------------------------------------------------------------------
  {
    key: 'transition-checklist',
    kind: 'TOOL',
    title: 'Transition readiness checklist: moving to adult IBD care',
    summary: 'A checklist young people work through from age 14: knowing your medicines, booking appointments, talking to the doctor on your own.',
    body: `Moving to adult care goes better when you are ready. Work through this with your nurse from about age 14.

## I can...
- [ ] name my condition and my medicines, and say what each is for
- [ ] order a repeat prescription
- [ ] book and change an appointment myself
- [ ] spend part of the visit without my parents
- [ ] explain my illness to a new doctor
- [ ] know what alcohol, smoking and contraception mean with my medicines

Score each item at every visit; aim for all ticks before your first adult clinic.`,
    tags: ['transition', 'adult care', 'adolescents', 'self-management', 'checklist'],
    audiences: [PATIENT, FAMILY, CLINICIAN],
    by: by(LEAD, 0),
    site: 0,
    daysAgo: 490,
    uses: [
      { site: 0, note: 'Used from age 14 in clinic.' },
      { site: 3, note: 'In our transition clinic pack.' },
      { site: 4, note: 'Discussed at every teen visit.' },
    ],
    helpful: 13,
  },
  {
    key: 'transition-checklist-harbour',
    kind: 'TOOL',
    title: 'Transition readiness checklist with a joint adult-paediatric clinic',
    summary: 'Harbour City\'s version of the transition checklist, linked to our joint clinic with the adult IBD team at age 17.',
    body: `Adapted from the network transition readiness checklist.

## What we changed
- The last three items are done at a **joint clinic** with the adult gastroenterologist
- A handover summary the young person writes themselves
- A named adult IBD nurse they meet before the move`,
    tags: ['transition', 'adult care', 'joint clinic'],
    audiences: [PATIENT, CLINICIAN],
    by: by(LEAD, 3),
    site: 3,
    daysAgo: 330,
    adaptedFrom: 'transition-checklist',
    uses: [{ site: 3, note: 'Our joint clinic runs monthly.' }],
    helpful: 6,
  },
  {
    key: 'transition-checklist-youth',
    kind: 'TOOL',
    title: 'Ready, steady, adult care: the youth panel\'s transition checklist',
    summary: 'The joint-clinic transition checklist rewritten by young people, with the questions we actually wanted answered.',
    body: `Adapted by the NorthStar youth panel from the Harbour City checklist.

We added what we wanted to know before moving:
- Will my new doctor read my notes or will I have to start again?
- Can I still text the nurse?
- What happens if I go to university in another city?`,
    tags: ['transition', 'youth panel', 'university'],
    audiences: [PATIENT],
    by: by(PATIENT, 3),
    site: 3,
    daysAgo: 180,
    adaptedFrom: 'transition-checklist-harbour',
    helpful: 5,
  },
  {
    key: 'university-story',
    kind: 'STORY',
    title: 'Starting university with Crohn\'s: moving my care to a new city',
    summary: 'A 19-year-old on registering with a new GP, finding the adult IBD team and telling flatmates.',
    body: `I moved 400 km for university two months after my last paediatric appointment. What I did:
- registered with the university GP in the first week
- had my paediatric team send a letter to the adult IBD team **before** I left
- kept a month of medicines spare
- told my flatmates on the first night, which was easier than I thought`,
    tags: ['transition', 'university', 'adult care', 'patient story'],
    audiences: [PATIENT],
    by: by(PATIENT, 0),
    site: 0,
    daysAgo: 140,
    helpful: 8,
  },

  // ---- Quality improvement: change packages -----------------------------------------------------------
  {
    key: 'remission-package',
    kind: 'CHANGE_PACKAGE',
    title: 'Steroid-free remission change package',
    summary: 'The network\'s core change package: the key drivers and tested changes behind our aim of 80% of patients in steroid-free remission.',
    body: `## Aim
Increase the proportion of children and young people with IBD in **steroid-free remission** from 62% to 80%.

## Key drivers and changes
1. **Reliable, proactive care**: pre-visit planning, population management with a registry
2. **Optimal medicines**: proactive therapeutic drug monitoring, early biologics for high-risk Crohn's
3. **Nutrition**: exclusive enteral nutrition as first-line induction for Crohn's
4. **Self-management**: flare action plans, transition readiness
5. **Psychosocial support**: yearly screening for anxiety and depression

Each change links to the tools that sites tested, and the PDSA results.`,
    tags: ['remission', 'change package', 'steroid-free remission', 'key drivers', 'quality improvement'],
    audiences: QI,
    by: by(ADMIN, null),
    site: null,
    daysAgo: 620,
    uses: [
      { site: 0, note: 'Our improvement plan follows it.' },
      { site: 1, note: 'Used at our team away day.' },
      { site: 2, note: 'Used to choose our first changes.' },
      { site: 3, note: 'Our driver diagram is based on it.' },
      { site: 4, note: 'Used.' },
      { site: 5, note: 'Used for onboarding new staff.' },
    ],
    helpful: 15,
    edits: [
      { append: '\n\n_2026 update: psychosocial screening added as a key driver._', note: 'Added psychosocial driver', daysAgo: 300 },
      { append: '\n\n_Links to PDSA results refreshed._', note: 'Refreshed links', daysAgo: 90 },
    ],
  },
  {
    key: 'remission-package-small-sites',
    kind: 'CHANGE_PACKAGE',
    title: 'Steroid-free remission change package for small sites',
    summary: 'The remission change package adapted for sites with under 100 patients and no dedicated QI staff.',
    body: `Adapted from the network remission change package for small sites.

- Start with two changes, not five: **pre-visit planning** and **flare action plans**
- A monthly 20-minute huddle instead of a weekly meeting
- Share a data analyst with a larger site`,
    tags: ['remission', 'change package', 'small sites'],
    audiences: [LEAD, CLINICIAN],
    by: by(LEAD, 7),
    site: 7,
    daysAgo: 280,
    adaptedFrom: 'remission-package',
    uses: [{ site: 7, note: 'Our plan for this year.' }, { site: 6, note: 'Used.' }],
    helpful: 5,
  },
  {
    key: 'tdm-package',
    kind: 'CHANGE_PACKAGE',
    title: 'Proactive TDM change package',
    summary: 'Changes sites tested to raise the share of patients on anti-TNF with a drug level in the last 12 months from 45% to 90%.',
    body: `Supports the network measure *Biologic drug levels checked*.

## Changes that worked
- A TDM column in the infusion unit schedule
- Standing orders: nurses request trough levels without a doctor's signature
- A monthly list from the registry of patients with no level in 11 months
- Results reviewed in the pre-visit huddle

Sites that used all four reached 90% within six months.`,
    tags: ['tdm', 'therapeutic drug monitoring', 'change package', 'biologics', 'measures'],
    audiences: QI,
    by: by(LEAD, 2),
    site: 2,
    daysAgo: 400,
    uses: [{ site: 2, note: 'We wrote it.' }, { site: 0, note: 'Used standing orders.' }, { site: 6, note: 'Used.' }],
    helpful: 7,
  },
  {
    key: 'pre-visit-planning',
    kind: 'CHANGE_PACKAGE',
    title: 'Pre-visit planning and the clinic huddle',
    summary: 'How to review every patient a week before clinic: overdue labs, drug levels, growth, screening, and a 10-minute huddle on the day.',
    body: `Pre-visit planning makes sure nothing is missed in a short visit.

## A week before clinic
- The nurse reviews each patient against the checklist: labs due, TDM due, growth, vaccinations, PHQ-9 due, transition score
- Orders go out so results are ready for the visit

## On the day: the 10-minute huddle
- Who is coming, what each patient needs, who is at risk

Sites reported fewer missed drug levels and better growth measurement after three PDSA cycles.`,
    tags: ['pre-visit planning', 'huddle', 'change package', 'clinic workflow', 'population management'],
    audiences: CARE_TEAM,
    by: by(LEAD, 0),
    site: 0,
    daysAgo: 550,
    uses: [
      { site: 0, note: 'Every clinic since 2025.' },
      { site: 1, note: 'Adopted.' },
      { site: 4, note: 'Adapted for our nurse-led clinics.' },
      { site: 5, note: 'Used.' },
      { site: 7, note: 'Used in our monthly clinic.' },
    ],
    helpful: 12,
  },
  {
    key: 'pre-visit-checklist',
    kind: 'TEMPLATE',
    title: 'Pre-visit planning checklist (one page)',
    summary: 'The one-page checklist nurses use a week before clinic, adapted from the pre-visit planning change package.',
    body: `Adapted from the pre-visit planning change package.

| Item | Due? | Ordered |
|---|---|---|
| Bloods (FBC, CRP, albumin, ferritin) | | |
| Calprotectin | | |
| Drug level (TDM) | | |
| Height, weight, BMI | | |
| PHQ-9 / GAD-7 (12+) | | |
| Transition checklist (14+) | | |`,
    tags: ['pre-visit planning', 'checklist', 'template'],
    audiences: CARE_TEAM,
    by: by(CLINICIAN, 4),
    site: 4,
    daysAgo: 380,
    adaptedFrom: 'pre-visit-planning',
    uses: [{ site: 4, note: 'Used by all our nurses.' }, { site: 2, note: 'Used.' }],
    helpful: 6,
  },
  {
    key: 'population-management',
    kind: 'CHANGE_PACKAGE',
    title: 'Population management with the IBD registry',
    summary: 'Using the registry to find patients who need something between visits: no visit in 6 months, high calprotectin, missed infusions.',
    body: `Population management means looking after the whole group of patients, not only those who come to clinic.

## Monthly registry reports
- Patients not seen in 6 months
- Calprotectin over 250 with no plan recorded
- Missed infusions or late injections
- Patients on steroids for more than 12 weeks

A named nurse works through the list each month.`,
    tags: ['population management', 'registry', 'change package', 'data'],
    audiences: QI,
    by: by(LEAD, 3),
    site: 3,
    daysAgo: 440,
    uses: [{ site: 3, note: 'Monthly.' }, { site: 0, note: 'Used.' }],
    helpful: 6,
  },
  {
    key: 'psychosocial-package',
    kind: 'CHANGE_PACKAGE',
    title: 'Psychosocial care change package',
    summary: 'Screening, referral pathways and patient-designed clinic questions for the mental health of young people with IBD.',
    body: `Co-designed with patient partners.

- Yearly PHQ-9 and GAD-7 screening from age 12
- "What's the hardest thing right now?" asked at every visit
- A psychology referral pathway with a 6-week target
- Peer support evenings for families`,
    tags: ['mental health', 'psychosocial', 'change package', 'co-design'],
    audiences: QI,
    by: by(PATIENT, 2),
    site: 2,
    daysAgo: 200,
    uses: [{ site: 2, note: 'Piloting.' }],
    helpful: 7,
  },
  {
    key: 'transition-package',
    kind: 'CHANGE_PACKAGE',
    title: 'Transition to adult care change package',
    summary: 'Changes for a planned move to adult IBD services: readiness checklist from 14, time alone in visits, a joint clinic and a handover summary.',
    body: `## Changes
- Transition readiness checklist scored at every visit from age 14
- Part of each visit alone with the young person from 13
- Joint clinic with the adult team at 17
- A handover summary written with the young person

## Measure
The share of young people aged 16-18 with a readiness score recorded in the last year.`,
    tags: ['transition', 'adult care', 'change package'],
    audiences: QI,
    by: by(LEAD, 4),
    site: 4,
    daysAgo: 360,
    uses: [{ site: 4, note: 'Used.' }, { site: 3, note: 'Used with our joint clinic.' }],
    helpful: 5,
  },

  // ---- QI method -----------------------------------------------------------------------------------
  {
    key: 'pdsa-template',
    kind: 'TEMPLATE',
    title: 'PDSA cycle worksheet',
    summary: 'A plan-do-study-act worksheet for testing a change at your site: the question, the prediction, what happened and what next.',
    body: `## Plan
- What change are we testing? Who, where, when?
- **Prediction:** what do we think will happen?
- What will we measure?

## Do
- What happened? Anything unexpected?

## Study
- Compare the results with the prediction

## Act
- Adopt, adapt or abandon? What is the next cycle?`,
    tags: ['pdsa', 'quality improvement', 'template', 'qi methods'],
    audiences: QI,
    by: by(RESEARCHER, null),
    site: null,
    daysAgo: 650,
    uses: [
      { site: 0, note: 'Used.' },
      { site: 1, note: 'Used.' },
      { site: 2, note: 'Used.' },
      { site: 3, note: 'Used.' },
      { site: 4, note: 'Used.' },
      { site: 5, note: 'Used.' },
      { site: 6, note: 'Used.' },
    ],
    helpful: 11,
  },
  {
    key: 'pdsa-template-families',
    kind: 'TEMPLATE',
    title: 'PDSA worksheet in plain language for patient and family partners',
    summary: 'The PDSA worksheet rewritten so that patient and family partners can plan and review tests of change as equals.',
    body: `Adapted from the PDSA cycle worksheet by family partners.

- **Try:** what small thing are we trying, and what do we think will happen?
- **Look:** what happened, and what did families say?
- **Decide:** keep it, change it, or stop it?`,
    tags: ['pdsa', 'co-design', 'plain language', 'qi methods'],
    audiences: [PATIENT, FAMILY, LEAD],
    by: by(FAMILY, 4),
    site: 4,
    daysAgo: 260,
    adaptedFrom: 'pdsa-template',
    uses: [{ site: 4, note: 'Used with our family panel.' }],
    helpful: 6,
  },
  {
    key: 'spc-guide',
    kind: 'GUIDE',
    title: 'Reading your SPC charts: run charts and control charts for site teams',
    summary: 'How to tell signal from noise in your monthly measures: centre lines, control limits, shifts, trends and what not to react to.',
    body: `Statistical process control (SPC) charts tell you whether a change in your monthly numbers is **signal** or just **noise**.

## Run charts
- A **shift**: 6 or more points in a row above or below the median
- A **trend**: 5 or more points going up or down

## Control charts (p-charts, u-charts)
- A point outside the control limits is a special cause
- Limits are wider for small sites: a small site's monthly percentage jumps around more

## Don't
- React to a single month that is inside the limits
- Compare sites on percentages without looking at the denominators`,
    tags: ['spc charts', 'control charts', 'run charts', 'measures', 'qi methods'],
    audiences: QI,
    by: by(RESEARCHER, null),
    site: null,
    daysAgo: 580,
    uses: [{ site: 0, note: 'Used at huddles.' }, { site: 5, note: 'Teaching session.' }, { site: 6, note: 'Used.' }],
    helpful: 10,
  },
  {
    key: 'data-quality-checklist',
    kind: 'TOOL',
    title: 'Monthly data quality checklist for site reporters',
    summary: 'Ten checks before submitting your monthly measures: denominators, missing visits, duplicate patients, definitions.',
    body: `Before you submit your month:
1. Does the denominator match the number of clinic visits in the booking system?
2. Are patients diagnosed less than 90 days ago excluded from remission?
3. Any patient counted twice (two visits in one month)?
4. Telephone visits excluded from growth assessed?
5. Compare with last month: any change over 20% needs a note`,
    tags: ['data quality', 'measures', 'reporting', 'checklist'],
    audiences: [LEAD, CLINICIAN, RESEARCHER],
    by: by(RESEARCHER, null),
    site: null,
    daysAgo: 420,
    uses: [{ site: 1, note: 'Used.' }, { site: 2, note: 'Used.' }, { site: 7, note: 'Used.' }],
    helpful: 6,
  },
  {
    key: 'huddle-story',
    kind: 'STORY',
    title: 'How our site cut steroid use: a QI team\'s story',
    summary: 'Lakeview\'s QI team on two years of PDSA cycles that took steroid-free remission from 55% to 78%.',
    body: `When we joined the network our steroid-free remission was 55%, the lowest of eight sites. Two years later it is 78%.

What made the difference was not one big change but many small PDSA cycles: pre-visit planning first, then proactive drug levels, then offering exclusive enteral nutrition to every new Crohn's patient. Our run chart showed a shift after the fourth month of pre-visit planning.

The hardest part was keeping the monthly huddle going when clinics were busy. We moved it to Tuesday mornings and kept it to 15 minutes.`,
    tags: ['remission', 'steroids', 'qi team story', 'pdsa', 'huddle'],
    audiences: QI,
    by: by(LEAD, 2),
    site: 2,
    daysAgo: 170,
    helpful: 9,
  },
  {
    key: 'coproduction-guide',
    kind: 'GUIDE',
    title: 'Co-designing with patients and families: a starter guide for site teams',
    summary: 'How to involve patient and family partners from the start: recruitment, paying for time, meeting times, and sharing decisions.',
    body: `- Invite partners **before** you decide what to change, not after
- Pay for time and travel; meet in the evening if families work
- Two partners at least, so no one is the lone voice
- Share the data with partners in plain language
- Decide together, and say so when you publish`,
    tags: ['co-design', 'patient partners', 'coproduction', 'family partners'],
    audiences: [LEAD, ADMIN, PATIENT, FAMILY],
    by: by(ADMIN, null),
    site: null,
    daysAgo: 510,
    uses: [{ site: 0, note: 'Used.' }, { site: 4, note: 'Used for our family panel.' }],
    helpful: 8,
  },
  {
    key: 'learning-session-agenda',
    kind: 'TEMPLATE',
    title: 'Network learning session agenda template',
    summary: 'A two-day agenda for the network\'s learning sessions: storyboards, site breakouts, a patient keynote and planning time.',
    body: `## Day 1
- Patient keynote
- Storyboard walk: every site shows its run charts
- Breakouts by key driver

## Day 2
- PDSA planning time by site
- What we will test in the next 90 days`,
    tags: ['learning session', 'network', 'agenda'],
    audiences: [ADMIN, LEAD],
    by: by(ADMIN, null),
    site: null,
    daysAgo: 600,
    helpful: 3,
  },

  // ---- Datasets -------------------------------------------------------------------------------------
  {
    key: 'registry-dictionary',
    kind: 'DATASET_DESCRIPTION',
    title: 'NorthStar IBD registry: data dictionary',
    summary: 'Every field of the network registry: demographics, diagnosis (Paris classification), medicines, disease activity scores, growth and visits.',
    body: `## Tables
- **patient**: pseudonymous id, site, sex, date of birth (month), date of diagnosis
- **diagnosis**: Crohn's disease, ulcerative colitis or IBD-unclassified; Paris classification
- **visit**: date, type (in person, video, phone), PGA, wPCDAI or PUCAI, height, weight
- **medicine**: drug, start and stop dates, dose; anti-TNF trough levels
- **lab**: calprotectin, CRP, albumin, haemoglobin, ferritin

Updated monthly from the site extracts. Access through the research committee.`,
    tags: ['registry', 'data dictionary', 'dataset', 'data'],
    audiences: [RESEARCHER, LEAD],
    by: by(RESEARCHER, null),
    site: null,
    daysAgo: 540,
    uses: [{ site: 0, note: 'Used.' }, { site: 2, note: 'Used for our extract.' }],
    helpful: 5,
  },
  {
    key: 'proms-dataset',
    kind: 'DATASET_DESCRIPTION',
    title: 'Patient-reported outcomes dataset (IMPACT-III and fatigue scores)',
    summary: 'Quality of life (IMPACT-III), PedsQL fatigue and school days missed, collected yearly from patients aged 10 to 18.',
    body: `- **Instruments:** IMPACT-III quality of life, PedsQL multidimensional fatigue scale, school days missed in the last month
- **Who:** all patients aged 10-18, yearly at a clinic visit
- **Linkage:** to the registry by pseudonymous id
- **Caveats:** response rate 64%; lower in sites without tablets in the waiting room`,
    tags: ['patient-reported outcomes', 'dataset', 'quality of life', 'fatigue'],
    audiences: [RESEARCHER],
    by: by(RESEARCHER, null),
    site: null,
    daysAgo: 300,
    helpful: 3,
  },
  {
    key: 'remission-measure-dataset',
    kind: 'DATASET_DESCRIPTION',
    title: 'Monthly measures dataset: steroid-free remission and process measures',
    summary: 'The monthly site-level numerators and denominators behind the network\'s SPC charts, with definitions and suppression rules.',
    body: `One row per site, measure and month: numerator, denominator, status.

- Remission: patients seen with a quiescent PGA and no steroids in 90 days / patients seen
- Growth assessed, drug levels checked, unplanned admissions

Small counts (1-10) from other sites are suppressed in shared views.`,
    tags: ['measures', 'dataset', 'remission', 'spc charts'],
    audiences: [RESEARCHER, LEAD, ADMIN],
    by: by(RESEARCHER, null),
    site: null,
    daysAgo: 280,
    helpful: 2,
  },
  {
    key: 'admissions-dataset',
    kind: 'DATASET_DESCRIPTION',
    title: 'Unplanned admissions extract: hospital episode data',
    summary: 'Hospital admissions for IBD linked from hospital episode statistics, with the coding rules for "unplanned".',
    body: `- Source: hospital episode statistics, linked quarterly
- Unplanned = emergency admission or unplanned elective with IBD as main reason
- Excludes planned infusions and scheduled endoscopy`,
    tags: ['admissions', 'dataset', 'hospital data'],
    audiences: [RESEARCHER],
    by: by(RESEARCHER, null),
    site: null,
    daysAgo: 260,
    helpful: 1,
  },
  {
    key: 'site-extract-dataset',
    kind: 'DATASET_DESCRIPTION',
    title: 'Riverside site extract: how we pull registry data from our records',
    summary: 'Adapted from the registry data dictionary: the queries Riverside runs against its electronic record to build the monthly extract.',
    body: `Adapted from the NorthStar registry data dictionary.

For each registry table, the source screen in our electronic record, the query and the checks we run. Other sites on the same record system can reuse the queries.`,
    tags: ['registry', 'data extract', 'dataset'],
    audiences: [RESEARCHER, LEAD],
    by: by(LEAD, 0),
    site: 0,
    daysAgo: 250,
    adaptedFrom: 'registry-dictionary',
    uses: [{ site: 0, note: 'Our monthly extract.' }, { site: 5, note: 'Same record system: reused.' }],
    helpful: 3,
  },

  // ---- More voices --------------------------------------------------------------------------------
  {
    key: 'diagnosis-story',
    kind: 'STORY',
    title: 'Eighteen months to a diagnosis: what I want other parents to know',
    summary: 'A mother on the months of tummy aches, weight loss and being told it was stress before her son was diagnosed with Crohn\'s.',
    body: `For eighteen months we were told it was stress, then constipation, then a food intolerance. He lost weight and stopped growing. A blood test finally showed inflammation and a calprotectin over 1500.

What I want other parents to know: trust yourself. Weight loss and a child who stops growing are not stress. Ask for a calprotectin test.`,
    tags: ['new diagnosis', 'parent story', 'crohns disease', 'growth'],
    audiences: [FAMILY, CLINICIAN],
    by: by(FAMILY, 2),
    site: 2,
    daysAgo: 160,
    helpful: 14,
  },
  {
    key: 'stoma-story',
    kind: 'STORY',
    title: 'Life with a stoma at 15',
    summary: 'A teenager with ulcerative colitis on surgery, getting used to a stoma bag, and going swimming again.',
    body: `After a year of steroids and two biologics that didn't work, I had surgery and got a stoma. I was terrified of what people would think.

Six months on: I swim, I go to parties, I wear what I want. My stoma nurse found me a swimsuit that hides the bag. The colitis is gone and I have my life back.`,
    tags: ['stoma', 'surgery', 'ulcerative colitis', 'patient story'],
    audiences: [PATIENT, FAMILY],
    by: by(PATIENT, 5),
    site: 5,
    daysAgo: 130,
    helpful: 9,
  },
  {
    key: 'nurse-line-protocol',
    kind: 'TOOL',
    title: 'IBD nurse telephone advice line protocol',
    summary: 'How our nurses triage calls from families: questions to ask, red flags, and when to bring a child in the same day.',
    body: `## Questions for every call
- Stool frequency, blood, night-time stools, pain, fever, vomiting
- Current medicines and any missed doses
- Last calprotectin

## Same-day review if
- Bloody diarrhoea 6+ times a day, fever, or a child who looks unwell

Every call is documented and reviewed at the weekly huddle.`,
    tags: ['nurse line', 'telephone advice', 'triage', 'flare'],
    audiences: [CLINICIAN],
    by: by(CLINICIAN, 0),
    site: 0,
    daysAgo: 310,
    uses: [{ site: 0, note: 'Used.' }, { site: 1, note: 'Adapted for our out-of-hours service.' }],
    helpful: 5,
  },
  {
    key: 'perianal-guide',
    kind: 'GUIDE',
    title: 'Perianal Crohn\'s disease: care at home',
    summary: 'Looking after skin tags, fissures and fistulas at home: sitz baths, barrier creams, and when to call.',
    body: `Perianal Crohn's disease is painful and embarrassing, and common.

- Warm shallow baths (sitz baths) twice a day
- Barrier cream after every toilet visit
- Call the team if there is swelling, throbbing pain or fever: it may be an abscess`,
    tags: ['perianal disease', 'fistula', 'crohns disease', 'home care'],
    audiences: [PATIENT, FAMILY],
    by: by(CLINICIAN, 6),
    site: 6,
    daysAgo: 230,
    helpful: 4,
  },
  {
    key: 'bone-health',
    kind: 'GUIDE',
    title: 'Bone health in children with IBD: vitamin D, calcium and DXA scans',
    summary: 'Why IBD and steroids weaken bones, when to do a DXA scan, and how much vitamin D and calcium children need.',
    body: `- Check vitamin D yearly; supplement if low
- Calcium-rich foods every day (dairy or fortified alternatives)
- DXA scan at diagnosis for children with growth failure or long steroid courses
- Weight-bearing exercise helps bones`,
    tags: ['bone health', 'vitamin d', 'steroids', 'growth'],
    audiences: [CLINICIAN, FAMILY],
    by: by(CLINICIAN, 7),
    site: 7,
    daysAgo: 210,
    helpful: 2,
  },
  {
    key: 'parent-diary-story',
    kind: 'STORY',
    title: 'A parent\'s diary of the first infliximab infusion day',
    summary: 'A father writes about the day of his daughter\'s first infliximab infusion: the waiting, the cannula, the games, the relief.',
    body: `08:00 we arrive on the day unit. 08:40 the cannula - two tries, numbing cream helped. 09:30 the infusion starts; it takes two hours. We play cards and watch a film. The nurses check her blood pressure every half hour. 12:00 done. She says it was "boring, not scary". I cried in the car park, from relief.`,
    tags: ['infliximab', 'infusion', 'parent story', 'biologics'],
    audiences: FAMILIES,
    by: by(FAMILY, 3),
    site: 3,
    daysAgo: 110,
    helpful: 6,
  },
  {
    key: 'waiting-room-ideas',
    kind: 'TOOL',
    title: 'Making the clinic waiting room teen-friendly',
    summary: 'Ideas young people came up with for the waiting room: phone charging, a separate area, and questionnaires on tablets.',
    body: `Our youth panel walked through the clinic and suggested:
- a corner for over-12s away from toddlers' toys
- phone charging points
- the PHQ-9 and transition checklist on a tablet, not on paper
- a poster saying "you can ask to see the doctor alone"`,
    tags: ['clinic environment', 'teenagers', 'youth panel', 'co-design'],
    audiences: [LEAD, PATIENT],
    by: by(PATIENT, 4),
    site: 4,
    daysAgo: 150,
    uses: [{ site: 4, note: 'New teen corner opened in March.' }],
    helpful: 5,
  },
  {
    key: 'infusion-scheduling',
    kind: 'TOOL',
    title: 'Infusion unit scheduling that fits the school day',
    summary: 'How one day unit moved infliximab infusions to after-school and Saturday slots, and halved missed school days.',
    body: `We offered infusion slots at 15:30 and on Saturday mornings, and used an accelerated 1-hour infusion for stable patients after the fourth dose.

Result: school days missed for infusions fell by half, and missed infusions fell from 8% to 3%.`,
    tags: ['infusions', 'infliximab', 'scheduling', 'school'],
    audiences: [LEAD, CLINICIAN],
    by: by(LEAD, 5),
    site: 5,
    daysAgo: 190,
    uses: [{ site: 5, note: 'Our standard.' }, { site: 0, note: 'Saturday slots piloted.' }],
    helpful: 7,
  },
];
