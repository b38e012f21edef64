import { addMonths, type ChangeIdeaStatus, type MonthKey, type PdsaAct, type PdsaStage, type Role } from '@commons/shared';
import type { NotificationKind, Prisma } from '../generated/prisma/client';
import { DEMO_EMAIL_DOMAIN } from './demo-people';

/**
 * Who someone in the demo is: a memorable sign-in by the local part of her email ('patient'),
 * or the nth member with a role at a site (index into DEMO_SITES; null for network-wide).
 */
type Who = string | { role: Role; site: number | null; n?: number };

/** A day of the demo: months after the network's first month, and the day of that month. */
type Day = [month: number, day: number];

interface DemoDecision {
  on: Day;
  to: ChangeIdeaStatus;
  decision: string;
  rationale: string;
  /** Why it went ahead without a patient or family voice (moves to TESTING or ADOPTED without one need it). */
  patientVoiceReason?: string;
  /** The first participant records it. */
  participants: Who[];
}

interface DemoCycle {
  /** 0 = Riverside, 2 = Lakeview. */
  site: number;
  by: Who;
  title: string;
  plan: string;
  prediction: string;
  doNotes: string;
  studyNotes: string;
  act: PdsaAct | null;
  actNotes: string;
  stage: PdsaStage;
  start: Day;
  end: Day | null;
  measures: string[];
}

interface DemoIdea {
  title: string;
  problem: string;
  idea: string;
  proposer: Who;
  proposed: Day;
  drivers: string[];
  /** Joined on a day, or still invited (joined null). */
  coDesigners: { who: Who; invitedBy?: Who; invited: Day; joined: Day | null }[];
  endorsers: Who[];
  decisions: DemoDecision[];
  cycles: DemoCycle[];
  nextDecision?: Day;
}

const RIVERSIDE = 0;
const ST_BRIGID = 1;
const LAKEVIEW = 2;

const lakeviewLead: Who = { role: 'SITE_LEAD', site: LAKEVIEW };
const lakeviewClinician: Who = { role: 'CLINICIAN', site: LAKEVIEW };
const lakeviewPatient: Who = { role: 'PATIENT_PARTNER', site: LAKEVIEW };
const lakeviewFamily: Who = { role: 'FAMILY_MEMBER', site: LAKEVIEW };
const brigidLead: Who = { role: 'SITE_LEAD', site: ST_BRIGID };
const brigidClinician: Who = { role: 'CLINICIAN', site: ST_BRIGID };
const brigidPatient: Who = { role: 'PATIENT_PARTNER', site: ST_BRIGID };
// Grace, the memorable family member, is St Brigid's first: this is another family there.
const brigidFamily: Who = { role: 'FAMILY_MEMBER', site: ST_BRIGID, n: 1 };
const riversidePatient: Who = { role: 'PATIENT_PARTNER', site: RIVERSIDE, n: 1 };
const riversideFamily: Who = { role: 'FAMILY_MEMBER', site: RIVERSIDE };
const researcher2: Who = { role: 'RESEARCHER', site: null, n: 1 };

/**
 * Eight change ideas of the demo network, in every status. Pre-visit planning is the change
 * behind the improvement the demo measures show at Riverside and Lakeview from month 10
 * (demo-measures.ts), so its PDSA cycles run there in months 7-10.
 */
export const DEMO_CHANGE_IDEAS: DemoIdea[] = [
  {
    title: 'A 15-minute huddle the day before every IBD clinic',
    problem:
      'Chart reviews at Riverside and Lakeview found growth not plotted at about a third of visits, and drug levels overdue for a quarter of children on infliximab. ' +
      'Families told us they repeat the same story at every visit, and that the thing they came to talk about often gets squeezed in at the end.',
    idea:
      'The day before clinic, the doctor, the IBD nurse and the clinic coordinator spend **15 minutes** going through the list with a short checklist:\n\n' +
      '- growth due to be plotted?\n- bloods or a drug level due?\n- vaccinations or bone health due?\n- anything the family told us they want to talk about\n\n' +
      'Families get a card before the visit: *"What matters most to you at this visit?"* The team reads the answers at the huddle.',
    proposer: 'clinician',
    proposed: [4, 9],
    drivers: ['Pre-visit planning huddles', 'Growth and nutrition assessed at every visit', 'Therapeutic drug monitoring for biologics'],
    coDesigners: [
      { who: 'patient', invited: [4, 9], joined: [4, 11] },
      { who: lakeviewClinician, invited: [4, 12], joined: [4, 14] },
      { who: lakeviewFamily, invitedBy: lakeviewClinician, invited: [4, 20], joined: [5, 2] },
      { who: lakeviewLead, invited: [4, 12], joined: [4, 13] },
      { who: 'researcher', invited: [5, 1], joined: [5, 3] },
    ],
    endorsers: ['patient', 'family', riversidePatient, lakeviewPatient, brigidFamily, 'sitelead', lakeviewLead, brigidClinician, 'researcher', 'admin'],
    decisions: [
      {
        on: [5, 12],
        to: 'CO_DESIGN',
        decision: 'Co-design the huddle and its checklist with the family panel, at Riverside and Lakeview.',
        rationale: 'Both sites miss the same things at visits, and families want a say in what the visit is for. Two families offered to help write the checklist.',
        participants: ['clinician', 'patient', 'sitelead', lakeviewLead],
      },
      {
        on: [7, 3],
        to: 'TESTING',
        decision: 'Test the huddle at one Riverside clinic, and the question card at Lakeview.',
        rationale:
          'The checklist went through three rounds with the family panel. Elin\'s "what matters most to you today" question is now at the top, and the vaccination line moved to a yearly check so the list fits on one page.',
        participants: ['clinician', 'patient', lakeviewFamily, 'sitelead', lakeviewLead],
      },
      {
        on: [10, 20],
        to: 'ADOPTED',
        decision: 'Adopt the pre-visit huddle at both sites and share it with the network as a change package.',
        rationale:
          'Four cycles at two sites. Growth is plotted at 91% of visits (from 79%) and drug levels are current for 86% of children on anti-TNF. ' +
          'Families at Lakeview asked to keep the question card. Both sites\' remission charts shifted up from the same month.',
        participants: ['sitelead', 'clinician', 'patient', lakeviewLead, 'admin'],
      },
    ],
    cycles: [
      {
        site: RIVERSIDE,
        by: 'clinician',
        title: 'Huddle before the Monday clinic only',
        plan:
          'Aisha, the IBD nurse and the clinic coordinator meet for 15 minutes on Friday afternoon and go through Monday\'s list with the checklist. Four weeks, Monday clinic only.',
        prediction: 'At least 8 of 10 Monday visits will have growth plotted, every child on infliximab who is due a level will have it taken that day, and the huddle will take no more than 20 minutes.',
        doNotes: 'Ran on four Fridays, 38 Monday visits. Twice the coordinator was away and the nurse printed the list herself.',
        studyNotes:
          'Growth was plotted at 35 of 38 visits (92%), better than we predicted. Levels were taken for 6 of the 7 children due; one family declined on the day. ' +
          'Huddles took 12 to 25 minutes; the long one was after a bank holiday with a double list.',
        act: 'ADAPT',
        actNotes: 'Keep it, move it to Thursday so the coordinator can still book bloods, and run it for every IBD clinic.',
        stage: 'ACT',
        start: [7, 6],
        end: [7, 27],
        measures: ['growth-assessed', 'tdm'],
      },
      {
        site: RIVERSIDE,
        by: 'sitelead',
        title: 'Thursday huddle for every IBD clinic',
        plan: 'Every IBD clinic gets a Thursday huddle with the one-page checklist. The coordinator books bloods and drug levels for the visit before the family arrives.',
        prediction: 'Growth plotted at 90% or more of all IBD visits, and drug levels current for 85% of children on anti-TNF, by the end of the cycle.',
        doNotes: 'Eight weeks, 142 visits. Two clinicians who joined halfway found the checklist long at first.',
        studyNotes: 'Growth plotted at 129 of 142 visits (91%); drug levels current for 86%. Both as predicted. Nobody wants to go back.',
        act: 'ADOPT',
        actNotes: 'The huddle is now part of how every IBD clinic runs at Riverside.',
        stage: 'ACT',
        start: [8, 3],
        end: [9, 25],
        measures: ['growth-assessed', 'tdm', 'remission'],
      },
      {
        site: LAKEVIEW,
        by: lakeviewClinician,
        title: 'The question card, by post, for the Wednesday clinic',
        plan: 'Families booked for the Wednesday clinic get the card by post a week ahead. The team reads the returned cards at the Tuesday huddle.',
        prediction: 'Half of the families will send the card back, and the team will change the plan for at least one visit in five.',
        doNotes: 'Posted 46 cards. 19 came back by post and 11 more were handed in on the day.',
        studyNotes:
          '30 of 46 came back (65%), more than predicted. The plan changed for 12 visits, mostly to book the dietitian or to talk about school. Cards posted on a Friday arrived too late.',
        act: 'ADAPT',
        actNotes: 'Send the card as a text link on the Monday before instead of by post.',
        stage: 'ACT',
        start: [8, 10],
        end: [9, 4],
        measures: ['growth-assessed'],
      },
      {
        site: LAKEVIEW,
        by: lakeviewLead,
        title: 'Question card by text, for every clinic',
        plan: 'The card goes out as a text link on the Monday before each clinic. The huddle reads the answers; the dietitian joins when nutrition comes up.',
        prediction: 'Two thirds of families will answer by text, and visits will not run longer than the 25 minutes they take now.',
        doNotes: 'Six weeks, 118 families texted.',
        studyNotes: '84 of 118 answered (71%). Visits took 24 minutes on average, as before. Remission moved above the median in the following months, the first run at Lakeview.',
        act: 'ADOPT',
        actNotes: 'Adopted for every clinic at Lakeview.',
        stage: 'ACT',
        start: [9, 14],
        end: [10, 16],
        measures: ['remission', 'growth-assessed'],
      },
    ],
  },
  {
    title: 'Book the first drug level together with the third infusion',
    problem:
      'Children on infliximab often have their first drug level months late, because it is ordered after a flare instead of being planned. ' +
      'Last year one child in four on anti-TNF at Riverside had no level at all.',
    idea:
      'When the infusion unit books the **third infusion**, it books a trough level for the same morning and adds it to the infusion letter. ' +
      'The day before, the family gets a text: *"We will take a blood test before the drip. Please come 20 minutes early."* Results go to the next pre-visit huddle.',
    proposer: lakeviewClinician,
    proposed: [17, 14],
    drivers: ['Therapeutic drug monitoring for biologics'],
    coDesigners: [
      { who: 'family', invited: [17, 15], joined: [17, 18] },
      { who: 'sitelead', invited: [17, 15], joined: [17, 16] },
      { who: lakeviewPatient, invited: [17, 20], joined: [18, 2] },
      { who: 'clinician', invitedBy: 'sitelead', invited: [18, 3], joined: [18, 4] },
    ],
    endorsers: ['family', 'clinician', lakeviewPatient, brigidClinician, 'researcher', researcher2, 'admin'],
    decisions: [
      {
        on: [18, 10],
        to: 'CO_DESIGN',
        decision: 'Work out the booking and the family text with the infusion units at Riverside and Lakeview.',
        rationale: 'Both infusion units agreed to try it. Grace pointed out that the first text we drafted sounded like a test result was bad: the wording needs families.',
        participants: [lakeviewClinician, 'family', 'sitelead'],
      },
      {
        on: [20, 1],
        to: 'TESTING',
        decision: 'Test at Riverside first, then at Lakeview.',
        rationale: 'The text was rewritten with three families and the infusion booking form now has a "level due" box.',
        participants: ['sitelead', 'clinician', 'family', lakeviewClinician],
      },
    ],
    cycles: [
      {
        site: RIVERSIDE,
        by: 'clinician',
        title: 'Level booked with the third infusion',
        plan: 'For six weeks, every child booked for a third infliximab infusion gets a trough level booked for the same morning and the family text the day before.',
        prediction: '12 of 14 children will have the level taken before the infusion, and no infusion will start late because of it.',
        doNotes: '14 children. The booking box was missed twice in the first week, then not again.',
        studyNotes:
          '12 of 14 had the level on the day, as predicted. One family never got the text (an old phone number); one child was unwell and the infusion moved. Two infusions started 10 minutes late.',
        act: null,
        actNotes: '',
        stage: 'STUDY',
        start: [20, 3],
        end: [21, 14],
        measures: ['tdm'],
      },
      {
        site: LAKEVIEW,
        by: lakeviewClinician,
        title: 'Level with the third infusion, Lakeview',
        plan: 'The same booking and text at Lakeview, where infusions run on two days a week.',
        prediction: 'At least 9 of 10 levels taken on the day, and the phone numbers checked at booking mean every family gets the text.',
        doNotes: 'Under way: 6 of 7 levels taken so far; phone numbers are checked when the infusion is booked.',
        studyNotes: '',
        act: null,
        actNotes: '',
        stage: 'DO',
        start: [22, 1],
        end: [23, 20],
        measures: ['tdm'],
      },
    ],
    nextDecision: [25, 10],
  },
  {
    title: 'A school support plan written with the family at diagnosis',
    problem:
      'Children miss a lot of school in the first year after diagnosis, and teachers often do not know what IBD means: toilet passes, fatigue, tests missed during a flare. ' +
      'Families say they explain it again every term, usually in the middle of a crisis.',
    idea:
      'Within a month of diagnosis the IBD nurse and the family fill in a **one-page school plan** together: what the child needs, who to call, what to do in a flare. ' +
      'The family decides what to share. The plan is reviewed at the start of each school year.',
    proposer: 'family',
    proposed: [15, 5],
    drivers: ['School support plans'],
    coDesigners: [
      { who: 'patient', invited: [15, 6], joined: [15, 9] },
      { who: brigidClinician, invited: [15, 6], joined: [15, 7] },
      { who: brigidLead, invited: [15, 6], joined: [15, 12] },
      { who: brigidPatient, invitedBy: 'patient', invited: [16, 1], joined: [16, 4] },
      { who: 'researcher', invitedBy: 'family', invited: [22, 2], joined: null },
    ],
    endorsers: ['patient', 'family', riversidePatient, lakeviewPatient, brigidPatient, riversideFamily, lakeviewFamily, brigidFamily, 'clinician', lakeviewLead, 'admin'],
    decisions: [
      {
        on: [17, 2],
        to: 'CO_DESIGN',
        decision: 'Co-design the plan with families and two schools near St Brigid\'s.',
        rationale: 'Eleven members endorsed it in a month, most of them patients and families. Two head teachers offered to read drafts.',
        participants: ['family', 'patient', brigidClinician, brigidLead],
      },
    ],
    cycles: [],
    nextDecision: [24, 20],
  },
  {
    title: 'A two-question text check-in between visits',
    problem:
      'Between visits, months can pass before anyone notices that a young person is flaring. Many of us do not call the advice line because we do not want to bother anyone, ' +
      'or we wait until it is bad enough to go to A&E.',
    idea:
      'Once a month, a text with two questions: *"How have you been this month?"* (good / not sure / bad) and *"Would you like us to call?"*. ' +
      'A "bad" or "yes" gets a call from the IBD nurse within two working days.',
    proposer: 'patient',
    proposed: [22, 18],
    drivers: ['Telephone advice line for families', 'Outreach to patients overdue for review'],
    coDesigners: [
      { who: riversideFamily, invited: [22, 18], joined: [22, 21] },
      { who: 'clinician', invited: [23, 2], joined: null },
    ],
    endorsers: ['patient', riversidePatient, riversideFamily, lakeviewPatient, 'family', 'researcher'],
    decisions: [],
    cycles: [],
    nextDecision: [24, 26],
  },
  {
    title: 'Monthly registry review to find children overdue for review',
    problem: 'Some children fall off our radar: they miss a visit, nobody rebooks, and we see them next when they are admitted.',
    idea:
      'On the first Tuesday of each month the site lead runs the registry report of children not seen for more than six months. ' +
      'The team goes through it in 30 minutes and the IBD nurse calls each family who needs a visit.',
    proposer: 'sitelead',
    proposed: [19, 3],
    drivers: ['Registry reviewed monthly', 'Outreach to patients overdue for review'],
    coDesigners: [
      { who: 'researcher', invited: [19, 3], joined: [19, 5] },
      { who: 'clinician', invited: [19, 3], joined: [19, 4] },
      { who: riversidePatient, invited: [22, 20], joined: null },
    ],
    endorsers: ['clinician', 'researcher', researcher2, lakeviewLead, brigidLead],
    decisions: [
      {
        on: [20, 6],
        to: 'CO_DESIGN',
        decision: 'Design the monthly report and the call script.',
        rationale: 'Three of last quarter\'s unplanned admissions were children overdue for review by more than a year.',
        participants: ['sitelead', 'clinician', 'researcher'],
      },
      {
        on: [21, 4],
        to: 'TESTING',
        decision: 'Test the review at Riverside for two months.',
        rationale: 'The report runs from the registry in under a minute; the call script is ready.',
        patientVoiceReason:
          'The review is the team\'s work on the registry; nothing changes for families until the nurse calls. A patient partner is invited to shape the call script before the second month.',
        participants: ['sitelead', 'clinician', 'researcher'],
      },
    ],
    cycles: [
      {
        site: RIVERSIDE,
        by: 'sitelead',
        title: 'First monthly review',
        plan: 'Run the report, review it at the Tuesday meeting, and have the secretary call the families who need a visit.',
        prediction: 'About 30 children will be on the list; at least 13 of those who need a visit will be booked within a month.',
        doNotes: 'The report listed 41 children. 17 were already booked and 9 had moved to adult care without the registry knowing.',
        studyNotes:
          'Of the 15 who needed a call, 11 were booked within a month: fewer than the 13 predicted, because three phone numbers were wrong and one family wanted to talk to a nurse first.',
        act: 'ADAPT',
        actNotes: 'Clean up the transition list first, and have the IBD nurse make the calls rather than the secretary.',
        stage: 'ACT',
        start: [21, 7],
        end: [22, 4],
        measures: ['admissions', 'remission'],
      },
      {
        site: RIVERSIDE,
        by: 'clinician',
        title: 'Second review, nurse-led calls',
        plan: 'The IBD nurse calls the families on the list, using the call script, and checks phone numbers as she goes.',
        prediction: 'With a clean list, 9 of 10 families who need a visit will be booked within a month.',
        doNotes: 'The list was 19 children after the clean-up. Calls took about ten minutes each.',
        studyNotes: '12 of 13 booked within three weeks. One family has moved abroad.',
        act: null,
        actNotes: '',
        stage: 'STUDY',
        start: [22, 11],
        end: [23, 12],
        measures: ['admissions'],
      },
    ],
    nextDecision: [24, 15],
  },
  {
    title: 'Peer mentors for teenagers in their first year after diagnosis',
    problem: 'Teenagers told us that the first year was the loneliest: nobody at school understood, and clinic felt like it was for their parents.',
    idea: 'A young person a few years further along meets a newly diagnosed teenager, with the family\'s agreement and a short training from the psychologist.',
    proposer: lakeviewPatient,
    proposed: [9, 2],
    drivers: ['Peer support from other families'],
    coDesigners: [
      { who: 'patient', invited: [9, 2], joined: [9, 6] },
      { who: lakeviewFamily, invited: [9, 10], joined: [9, 12] },
      { who: lakeviewLead, invited: [9, 10], joined: [9, 11] },
      { who: lakeviewClinician, invited: [9, 10], joined: [9, 15] },
      { who: researcher2, invitedBy: lakeviewLead, invited: [10, 5], joined: [10, 8] },
    ],
    endorsers: ['patient', 'family', riversidePatient, brigidPatient, lakeviewFamily, 'clinician', 'admin'],
    decisions: [
      {
        on: [10, 14],
        to: 'CO_DESIGN',
        decision: 'Co-design mentor training and matching with the young people\'s panel.',
        rationale: 'Six young people volunteered to be mentors; the psychologist will train them.',
        participants: [lakeviewPatient, 'patient', lakeviewLead],
      },
      {
        on: [12, 1],
        to: 'TESTING',
        decision: 'Test one-to-one matching at Lakeview.',
        rationale: 'Training is ready and twelve newly diagnosed teenagers said yes.',
        participants: [lakeviewPatient, lakeviewClinician, lakeviewLead],
      },
      {
        on: [16, 9],
        to: 'ADAPTED',
        decision: 'Keep peer mentoring as small-group evenings with a mentor, not one-to-one pairs.',
        rationale:
          'One-to-one pairs rarely met more than once, but the group evenings were full and the teenagers asked for more. Mentors find groups easier too.',
        participants: [lakeviewPatient, 'patient', lakeviewFamily, lakeviewLead, 'admin'],
      },
    ],
    cycles: [
      {
        site: LAKEVIEW,
        by: lakeviewClinician,
        title: 'One-to-one matching',
        plan: 'Match each newly diagnosed teenager with a trained mentor of a similar age; they agree how to meet.',
        prediction: 'At least 8 of 12 pairs will meet three times or more in two months.',
        doNotes: '12 pairs matched in the first two weeks.',
        studyNotes: 'Only 4 of 12 pairs met more than once. Both sides found it awkward to arrange; several said they would rather meet "with a few others".',
        act: 'ADAPT',
        actNotes: 'Try monthly group evenings with two mentors instead.',
        stage: 'ACT',
        start: [12, 5],
        end: [13, 26],
        measures: [],
      },
      {
        site: LAKEVIEW,
        by: lakeviewLead,
        title: 'Monthly group evenings with two mentors',
        plan: 'A pizza evening once a month at the hospital\'s family room, two mentors and the psychologist in the background.',
        prediction: 'At least 10 of 18 invited teenagers will come to two evenings or more.',
        doNotes: 'Three evenings; the second one was moved online because of snow.',
        studyNotes: '14 of 18 came to two or more evenings, more than predicted. The online evening worked well for the two who live furthest away.',
        act: 'ADOPT',
        actNotes: 'Keep the evenings, with an online one every third month.',
        stage: 'ACT',
        start: [14, 2],
        end: [15, 27],
        measures: ['remission'],
      },
    ],
  },
  {
    title: 'Hold back two same-week clinic slots for flares',
    problem: 'When our son flared, the earliest appointment was in five weeks. We ended up in A&E twice.',
    idea: 'Each week, two clinic slots stay free until Wednesday for children who are flaring. The IBD nurse decides who gets them.',
    proposer: lakeviewFamily,
    proposed: [11, 3],
    drivers: ['Rapid-access flare clinic'],
    coDesigners: [
      { who: lakeviewClinician, invited: [11, 4], joined: [11, 6] },
      { who: lakeviewLead, invited: [11, 4], joined: [11, 5] },
      { who: 'researcher', invited: [11, 20], joined: [11, 22] },
    ],
    endorsers: [lakeviewPatient, 'family', riversideFamily, brigidFamily, lakeviewClinician],
    decisions: [
      {
        on: [12, 8],
        to: 'CO_DESIGN',
        decision: 'Work out which slots to hold and how families reach the nurse.',
        rationale: 'Flare waits are the most common complaint in the family survey.',
        participants: [lakeviewFamily, lakeviewLead],
      },
      {
        on: [13, 1],
        to: 'TESTING',
        decision: 'Hold two slots a week at Lakeview for eight weeks.',
        rationale: 'The clinic manager found two slots that can be released on Wednesday if unused.',
        participants: [lakeviewFamily, lakeviewClinician, lakeviewLead],
      },
      {
        on: [15, 3],
        to: 'ABANDONED',
        decision: 'Stop holding slots, and put the effort into same-day nurse calls instead.',
        rationale:
          'Only 5 of the 32 held slots were used: most flares were settled by a call from the nurse the same day. Waits for new patients got longer, because the held slots came out of new-patient lists.',
        participants: [lakeviewFamily, lakeviewClinician, 'researcher', lakeviewLead],
      },
    ],
    cycles: [
      {
        site: LAKEVIEW,
        by: lakeviewClinician,
        title: 'Two held slots a week',
        plan: 'Hold two Thursday slots until Wednesday noon. Families call the nurse line; the nurse books flaring children into the slots.',
        prediction: 'Most held slots will be used, and fewer flaring children will go to A&E.',
        doNotes: 'Eight weeks, 32 slots held.',
        studyNotes:
          'Only 5 of 32 slots were used. The nurse settled 19 flares by phone the same day. A&E visits did not change, and the average wait for a first visit rose from 12 to 17 days.',
        act: 'ABANDON',
        actNotes: 'Release the slots. Same-day nurse calls are what families need; we will look at that instead.',
        stage: 'ACT',
        start: [13, 4],
        end: [14, 26],
        measures: ['wait-days', 'admissions'],
      },
    ],
  },
  {
    title: 'An exclusive enteral nutrition starter kit and a buddy call in week one',
    problem:
      'Exclusive enteral nutrition works as well as steroids for Crohn\'s, but many children stop in the first week: the formula tastes strange, ' +
      'and families do not know what to do at birthday parties or at school.',
    idea:
      'Families starting EEN get a **starter kit** (shaker, flavourings that are allowed, a school letter, a plan for parties) and a call in the first week ' +
      'from a family who has done it.',
    proposer: brigidClinician,
    proposed: [20, 11],
    drivers: ['Growth and nutrition assessed at every visit', 'Peer support from other families'],
    coDesigners: [
      { who: 'family', invited: [20, 11], joined: [20, 14] },
      { who: brigidPatient, invited: [20, 11], joined: [20, 19] },
      { who: brigidLead, invited: [20, 12], joined: [20, 12] },
      { who: brigidFamily, invitedBy: 'family', invited: [21, 3], joined: [21, 5] },
    ],
    endorsers: ['family', brigidFamily, lakeviewFamily, brigidPatient, 'clinician', lakeviewClinician],
    decisions: [
      {
        on: [21, 9],
        to: 'CO_DESIGN',
        decision: 'Put the kit together with three families who have done EEN, and find buddy families.',
        rationale: 'Grace and two other families have offered to be buddies, and the dietitians have a list of what families asked for.',
        participants: [brigidClinician, 'family', brigidLead],
      },
    ],
    cycles: [],
    nextDecision: [24, 24],
  },
];

interface SeedPerson {
  userId: string;
  email: string;
  role: Role;
  site: number | null;
}

/** Events of the last few demo months that still show as unread notifications. */
const RECENT_MONTH = 21;

/**
 * Seeds the demo change ideas with their co-designers, endorsements, decisions and PDSA
 * cycles, and the notifications their recent events would have sent.
 */
export async function seedDemoChangeIdeas(
  tx: Prisma.TransactionClient,
  input: { networkId: string; firstMonth: MonthKey; siteIds: string[]; people: SeedPerson[] },
): Promise<void> {
  const { networkId, firstMonth } = input;
  const at = ([month, day]: Day, hour = 10) => new Date(`${addMonths(firstMonth, month)}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`);
  const date = ([month, day]: Day) => new Date(`${addMonths(firstMonth, month)}-${String(day).padStart(2, '0')}T00:00:00Z`);
  const person = (who: Who): SeedPerson => {
    const found =
      typeof who === 'string'
        ? input.people.find((p) => p.email === `${who}@${DEMO_EMAIL_DOMAIN}`)
        : input.people.filter((p) => p.role === who.role && p.site === who.site)[who.n ?? 0];
    if (!found) throw new Error(`demo change ideas: nobody is ${JSON.stringify(who)}`);
    return found;
  };
  const drivers = new Map((await tx.driver.findMany({ where: { networkId }, select: { id: true, title: true } })).map((d) => [d.title, d.id]));
  const measures = new Map((await tx.measure.findMany({ where: { networkId }, select: { id: true, key: true } })).map((m) => [m.key, m.id]));
  const names = new Map((await tx.user.findMany({ where: { id: { in: input.people.map((p) => p.userId) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const notifications: Prisma.NotificationCreateManyInput[] = [];
  const notify = (kind: NotificationKind, subject: { type: 'CHANGE_IDEA' | 'PDSA_CYCLE'; id: string }, actorId: string, createdAt: Date, payload: Prisma.InputJsonObject, recipients: string[]) => {
    for (const userId of new Set(recipients)) {
      if (userId === actorId) continue;
      notifications.push({ userId, networkId, kind, subjectType: subject.type, subjectId: subject.id, actorId, payload: { ...payload, actorName: names.get(actorId) ?? '' }, createdAt });
    }
  };

  for (const demo of DEMO_CHANGE_IDEAS) {
    const proposer = person(demo.proposer);
    const last = demo.decisions[demo.decisions.length - 1];
    const updated = [demo.proposed, ...demo.decisions.map((d) => d.on), ...demo.cycles.map((c) => c.end ?? c.start)].map((d) => at(d).getTime());
    const idea = await tx.changeIdea.create({
      data: {
        networkId,
        title: demo.title,
        problem: demo.problem,
        idea: demo.idea,
        proposerId: proposer.userId,
        status: last?.to ?? 'PROPOSED',
        nextDecisionOn: demo.nextDecision ? date(demo.nextDecision) : null,
        version: 1 + demo.decisions.length,
        statusChangedAt: at(last?.on ?? demo.proposed),
        createdAt: at(demo.proposed),
        updatedAt: new Date(Math.max(...updated)),
        drivers: { create: demo.drivers.map((title) => ({ driverId: drivers.get(title)! })) },
      },
      select: { id: true },
    });
    const coDesignerIds = [proposer.userId];
    await tx.changeIdeaCoDesigner.create({
      data: { ideaId: idea.id, userId: proposer.userId, role: proposer.role, status: 'ACTIVE', invitedAt: at(demo.proposed), joinedAt: at(demo.proposed) },
    });
    for (const c of demo.coDesigners) {
      const member = person(c.who);
      const inviter = person(c.invitedBy ?? demo.proposer);
      await tx.changeIdeaCoDesigner.create({
        data: {
          ideaId: idea.id,
          userId: member.userId,
          role: member.role,
          status: c.joined ? 'ACTIVE' : 'INVITED',
          invitedById: inviter.userId,
          invitedAt: at(c.invited, 9),
          joinedAt: c.joined ? at(c.joined, 18) : null,
          respondedAt: c.joined ? at(c.joined, 18) : null,
        },
      });
      if (c.joined) coDesignerIds.push(member.userId);
      else notify('CO_DESIGN_INVITE', { type: 'CHANGE_IDEA', id: idea.id }, inviter.userId, at(c.invited, 9), { ideaId: idea.id, ideaTitle: demo.title }, [member.userId]);
    }
    const endorsers = demo.endorsers.map(person);
    await tx.changeIdeaEndorsement.createMany({
      data: endorsers.map((e, i) => ({ ideaId: idea.id, userId: e.userId, role: e.role, createdAt: new Date(at(demo.proposed).getTime() + (i + 1) * 86_400_000) })),
    });
    let from: ChangeIdeaStatus = 'PROPOSED';
    for (const d of demo.decisions) {
      const participants = d.participants.map(person);
      // Recorded in the morning; each participant confirmed during the day, the last at 15:00, when it took effect.
      const confirmedAt = (i: number) => (i === 0 ? at(d.on, 9) : new Date(at(d.on, 15).getTime() - (participants.length - 1 - i) * 3_600_000));
      const decision = await tx.changeIdeaDecision.create({
        data: {
          ideaId: idea.id,
          status: 'TAKEN',
          fromStatus: from,
          toStatus: d.to,
          decision: d.decision,
          rationale: d.rationale,
          patientVoiceReason: d.patientVoiceReason ?? '',
          decidedById: participants[0].userId,
          proposedAt: at(d.on, 9),
          expiresAt: new Date(at(d.on, 9).getTime() + 14 * 86_400_000),
          decidedAt: at(d.on, 15),
          closedAt: at(d.on, 15),
          participants: {
            create: participants.map((p, i) => ({
              userId: p.userId,
              role: p.role,
              coDesigner: coDesignerIds.includes(p.userId),
              answer: 'CONFIRMED' as const,
              answeredAt: confirmedAt(i),
            })),
          },
        },
        select: { id: true },
      });
      if (d.on[0] >= RECENT_MONTH) {
        notify(
          'IDEA_DECISION',
          { type: 'CHANGE_IDEA', id: idea.id },
          participants[0].userId,
          at(d.on, 15),
          { ideaId: idea.id, ideaTitle: demo.title, decisionId: decision.id, fromStatus: from, toStatus: d.to, decision: d.decision },
          [...coDesignerIds, ...endorsers.map((e) => e.userId), ...participants.map((p) => p.userId)],
        );
      }
      from = d.to;
    }
    const numbers = new Map<number, number>();
    for (const c of demo.cycles) {
      const author = person(c.by);
      const number = (numbers.get(c.site) ?? 0) + 1;
      numbers.set(c.site, number);
      const siteId = input.siteIds[c.site];
      const cycle = await tx.pdsaCycle.create({
        data: {
          networkId,
          ideaId: idea.id,
          siteId,
          number,
          title: c.title,
          plan: c.plan,
          prediction: c.prediction,
          doNotes: c.doNotes,
          studyNotes: c.studyNotes,
          act: c.act,
          actNotes: c.actNotes,
          stage: c.stage,
          startOn: date(c.start),
          endOn: c.end ? date(c.end) : null,
          createdById: author.userId,
          updatedById: author.userId,
          version: 1 + ['PLAN', 'DO', 'STUDY', 'ACT'].indexOf(c.stage),
          createdAt: at([c.start[0], Math.max(1, c.start[1] - 3)]),
          updatedAt: at(c.end ?? c.start, 16),
          measures: { create: c.measures.map((key) => ({ measureId: measures.get(key)! })) },
        },
        select: { id: true },
      });
      if (c.start[0] >= RECENT_MONTH + 1) {
        notify(
          'PDSA_AT_SITE',
          { type: 'PDSA_CYCLE', id: cycle.id },
          author.userId,
          at([c.start[0], Math.max(1, c.start[1] - 3)]),
          { event: 'created', cycleId: cycle.id, ideaId: idea.id, ideaTitle: demo.title, siteId, number, title: c.title, stage: 'PLAN' },
          input.people.filter((p) => p.site === c.site).map((p) => p.userId),
        );
      }
    }
  }
  await tx.notification.createMany({ data: notifications });
}
