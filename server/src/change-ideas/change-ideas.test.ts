import type { Role } from '@commons/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCoDesigner,
  decide,
  decisionInput,
  EDIT,
  ENDORSE,
  GET_IDEA,
  ideaInput,
  INVITE,
  LEAVE,
  LIST_IDEAS,
  newIdea,
  PROPOSE,
  PROPOSE_DECISION,
  RESPOND,
  type TestIdea,
} from '../test-support/change-ideas';
import { errorOf } from '../test-support/graphql-client';
import { recordSql } from '../test-support/sql-counter';
import { TestApp, type TestMember } from '../test-support/test-app';

const PEOPLE = `query($id: ID!) {
  changeIdea(id: $id) {
    id status noPatientOrFamilyVoice viewerCoDesignStatus viewerCanEdit viewerCanInvite viewerCanRecordDecision nextStatuses
    participation { role count }
    coDesigners { member { userId name } role status isProposer invitedBy { userId } joinedAt }
  }
}`;
const ENDORSEMENTS = `query($id: ID!) { changeIdea(id: $id) { endorsements { total viewerEndorsed byRole { role count } } } }`;
const DRIVERS = `query($networkId: ID!) { drivers(networkId: $networkId) { id title changeIdeas { id title status proposer { name } endorsements { total } } } }`;
const CREATE_DRIVER = `mutation($networkId: ID!, $input: DriverInput!) { createDriver(networkId: $networkId, input: $input) { id } }`;

const countOf = (byRole: { role: Role; count: number }[], role: Role) => byRole.find((r) => r.role === role)!.count;

describe('change ideas', () => {
  let app: TestApp;
  let networkId: string;
  let sites: { id: string }[];
  let admin: TestMember;
  let lead: TestMember;
  let otherLead: TestMember;
  let clinician: TestMember;
  let patient: TestMember;
  let family: TestMember;
  let researcher: TestMember;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    ({ admin, sites } = made);
    networkId = made.network.id;
    [lead, otherLead, clinician, patient, family, researcher] = await Promise.all([
      app.newMember(admin, networkId, 'SITE_LEAD', sites[0].id, 'Sofia Lead'),
      app.newMember(admin, networkId, 'SITE_LEAD', sites[1].id, 'Oskar Lead'),
      app.newMember(admin, networkId, 'CLINICIAN', sites[0].id, 'Clara Clinician'),
      app.newMember(admin, networkId, 'PATIENT_PARTNER', sites[0].id, 'Pia Patient'),
      app.newMember(admin, networkId, 'FAMILY_MEMBER', sites[0].id, 'Fredrik Family'),
      app.newMember(admin, networkId, 'RESEARCHER', null, 'Rut Researcher'),
    ]);
  });

  afterAll(() => app?.stop());

  describe('proposing', () => {
    it('any member proposes; she is its first co-designer and the idea starts PROPOSED at version 1', async () => {
      const idea = await newIdea(family, networkId, { title: 'A transition clinic evening for teenagers' });
      expect(idea).toMatchObject({
        status: 'PROPOSED',
        version: 1,
        proposer: { userId: family.userId, name: 'Fredrik Family' },
      });

      const { changeIdea } = await researcher.client.ok(PEOPLE, { id: idea.id });
      expect(changeIdea.coDesigners).toEqual([
        {
          member: { userId: family.userId, name: 'Fredrik Family' },
          role: 'FAMILY_MEMBER',
          status: 'ACTIVE',
          isProposer: true,
          invitedBy: null,
          joinedAt: expect.any(String),
        },
      ]);
      expect(changeIdea.nextStatuses).toEqual(['CO_DESIGN', 'ABANDONED']);
      expect(changeIdea.noPatientOrFamilyVoice).toBe(false);
      expect(changeIdea).toMatchObject({
        viewerCoDesignStatus: null,
        viewerCanEdit: false,
        viewerCanInvite: false,
        viewerCanRecordDecision: false,
      });
    });

    it('renders its Markdown sanitised', async () => {
      const idea = await newIdea(patient, networkId, {
        idea: 'Try <script>alert(1)</script> **bold** [x](javascript:alert(1))',
      });
      const { changeIdea } = await patient.client.ok(`query($id: ID!) { changeIdea(id: $id) { ideaHtml ideaText } }`, {
        id: idea.id,
      });
      expect(changeIdea.ideaHtml).toContain('<strong>bold</strong>');
      expect(changeIdea.ideaHtml).not.toMatch(/<script|href="javascript/);
      expect(changeIdea.ideaText).toContain('bold');
    });

    it.each([
      [{ title: 'ab' }, 'input.title'],
      [{ problem: '   ' }, 'input.problem'],
      [{ idea: '' }, 'input.idea'],
      [{ driverIds: ['not-an-id'] }, 'input.driverIds.0'],
      [{ nextDecisionOn: '2026-02-30' }, 'input.nextDecisionOn'],
    ])('%o is refused with BAD_USER_INPUT on %s and nothing is written', async (overrides, field) => {
      const before = await app.prisma.changeIdea.count();
      const result = await clinician.client.gql(PROPOSE, { networkId, input: ideaInput(overrides) });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(await app.prisma.changeIdea.count()).toBe(before);
    });

    it('links drivers of its own network only', async () => {
      const other = await app.newNetwork(1);
      const foreign = (
        await other.admin.client.ok(CREATE_DRIVER, { networkId: other.network.id, input: { title: 'Elsewhere' } })
      ).createDriver;
      const own = (await admin.client.ok(CREATE_DRIVER, { networkId, input: { title: 'Reliable labs' } })).createDriver;
      const result = await clinician.client.gql(PROPOSE, {
        networkId,
        input: ideaInput({ driverIds: [own.id, foreign.id] }),
      });
      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.driverIds.1' });
    });

    it("lists a network's ideas newest change first, filtered by status and driver, in pages", async () => {
      const other = await app.newNetwork(1);
      const driver = (
        await other.admin.client.ok(CREATE_DRIVER, {
          networkId: other.network.id,
          input: { title: 'Activated families' },
        })
      ).createDriver;
      const otherLead2 = await app.newMember(other.admin, other.network.id, 'SITE_LEAD', other.sites[0].id);
      const first = await newIdea(other.admin, other.network.id, { title: 'First', driverIds: [driver.id] });
      const second = await newIdea(other.admin, other.network.id, { title: 'Second' });
      const third = await newIdea(other.admin, other.network.id, { title: 'Third', driverIds: [driver.id] });
      await decide(otherLead2, first, 'CO_DESIGN', [other.admin]);

      const all = (await other.admin.client.ok(LIST_IDEAS, { networkId: other.network.id })).changeIdeas;
      expect(all.nodes.map((n: any) => n.title)).toEqual(['First', 'Third', 'Second']);
      expect(all.totalCount).toBe(3);
      const proposed = (
        await other.admin.client.ok(LIST_IDEAS, { networkId: other.network.id, statuses: ['PROPOSED'] })
      ).changeIdeas;
      expect(proposed.nodes.map((n: any) => n.id)).toEqual([third.id, second.id]);
      const byDriver = (await other.admin.client.ok(LIST_IDEAS, { networkId: other.network.id, driverId: driver.id }))
        .changeIdeas;
      expect(byDriver.nodes.map((n: any) => n.id)).toEqual([first.id, third.id]);
      const page1 = (await other.admin.client.ok(LIST_IDEAS, { networkId: other.network.id, first: 2 })).changeIdeas;
      const page2 = (
        await other.admin.client.ok(LIST_IDEAS, {
          networkId: other.network.id,
          first: 2,
          after: page1.pageInfo.endCursor,
        })
      ).changeIdeas;
      expect(page1.pageInfo.hasNextPage).toBe(true);
      expect([...page1.nodes, ...page2.nodes].map((n: any) => n.title)).toEqual(['First', 'Third', 'Second']);
      expect(page2.pageInfo.hasNextPage).toBe(false);
      expect(errorOf(await other.admin.client.gql(LIST_IDEAS, { networkId: other.network.id, first: 101 }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'first',
      });
    });
  });

  describe('editing', () => {
    it('co-designers edit the text and drivers against the version they saw; a stale version is a CONFLICT', async () => {
      const driver = (await admin.client.ok(CREATE_DRIVER, { networkId, input: { title: 'Prepared visits' } }))
        .createDriver;
      const idea = await newIdea(patient, networkId);
      await addCoDesigner(patient, idea, clinician);
      const input = {
        ...ideaInput({
          title: 'Text reminders, in two languages',
          driverIds: [driver.id],
          nextDecisionOn: '2027-01-15',
        }),
        expectedVersion: 1,
      };

      const edited = (await clinician.client.ok(EDIT, { ideaId: idea.id, input })).editChangeIdea;

      expect(edited).toMatchObject({
        title: 'Text reminders, in two languages',
        version: 2,
        nextDecisionOn: '2027-01-15',
        drivers: [{ id: driver.id }],
      });
      const stale = await patient.client.gql(EDIT, { ideaId: idea.id, input: { ...input, title: 'Mine' } });
      expect(errorOf(stale)).toEqual({ code: 'CONFLICT', field: 'input.expectedVersion' });
      expect(stale.errors![0].extensions!.currentVersion).toBe(2);
      expect((await patient.client.ok(GET_IDEA, { id: idea.id })).changeIdea.title).toBe(
        'Text reminders, in two languages',
      );
    });

    it('a member who does not take part may not edit; a network admin may', async () => {
      const idea = await newIdea(patient, networkId);
      const input = { ...ideaInput({ title: 'Changed' }), expectedVersion: 1 };
      for (const member of [clinician, researcher, lead, family])
        expect(errorOf(await member.client.gql(EDIT, { ideaId: idea.id, input })).code).toBe('FORBIDDEN');
      expect((await admin.client.ok(EDIT, { ideaId: idea.id, input })).editChangeIdea.title).toBe('Changed');
    });
  });

  describe('co-designers', () => {
    it('a member is invited, accepts, and joins with her role; the patient or family voice flag clears when one joins', async () => {
      const idea = await newIdea(clinician, networkId);
      expect((await clinician.client.ok(PEOPLE, { id: idea.id })).changeIdea.noPatientOrFamilyVoice).toBe(true);

      await clinician.client.ok(INVITE, { ideaId: idea.id, userId: researcher.userId });
      await clinician.client.ok(INVITE, { ideaId: idea.id, userId: patient.userId });
      const pending = (await patient.client.ok(PEOPLE, { id: idea.id })).changeIdea;
      expect(pending.viewerCoDesignStatus).toBe('INVITED');
      expect(pending.noPatientOrFamilyVoice).toBe(true);
      expect(pending.coDesigners.map((c: any) => [c.member.userId, c.status, c.invitedBy?.userId ?? null])).toEqual([
        [clinician.userId, 'ACTIVE', null],
        [researcher.userId, 'INVITED', clinician.userId],
        [patient.userId, 'INVITED', clinician.userId],
      ]);

      await researcher.client.ok(RESPOND, { ideaId: idea.id, accept: true });
      expect((await clinician.client.ok(PEOPLE, { id: idea.id })).changeIdea.noPatientOrFamilyVoice).toBe(true);
      const accepted = (await patient.client.ok(RESPOND, { ideaId: idea.id, accept: true }))
        .respondToCoDesignInvitation;
      expect(accepted.viewerCoDesignStatus).toBe('ACTIVE');

      const { changeIdea } = await family.client.ok(PEOPLE, { id: idea.id });
      expect(changeIdea.noPatientOrFamilyVoice).toBe(false);
      expect(changeIdea.participation.filter((p: any) => p.count > 0)).toEqual([
        { role: 'PATIENT_PARTNER', count: 1 },
        { role: 'CLINICIAN', count: 1 },
        { role: 'RESEARCHER', count: 1 },
      ]);
      expect(changeIdea.participation).toHaveLength(6);
      const viewPatient = (await patient.client.ok(PEOPLE, { id: idea.id })).changeIdea;
      expect(viewPatient).toMatchObject({ viewerCanEdit: true, viewerCanInvite: true, viewerCanRecordDecision: true });
    });

    it('a declined invitation leaves no co-designer; she may be invited again', async () => {
      const idea = await newIdea(clinician, networkId);
      await clinician.client.ok(INVITE, { ideaId: idea.id, userId: family.userId });
      expect(
        (await family.client.ok(RESPOND, { ideaId: idea.id, accept: false })).respondToCoDesignInvitation
          .viewerCoDesignStatus,
      ).toBe('DECLINED');
      expect((await clinician.client.ok(PEOPLE, { id: idea.id })).changeIdea.coDesigners).toHaveLength(1);
      expect(errorOf(await family.client.gql(RESPOND, { ideaId: idea.id, accept: true })).code).toBe('NOT_FOUND');

      await clinician.client.ok(INVITE, { ideaId: idea.id, userId: family.userId });
      expect(
        (await family.client.ok(RESPOND, { ideaId: idea.id, accept: true })).respondToCoDesignInvitation
          .viewerCoDesignStatus,
      ).toBe('ACTIVE');
    });

    it('inviting someone already invited or co-designing changes nothing and notifies once', async () => {
      const idea = await newIdea(clinician, networkId);
      await clinician.client.ok(INVITE, { ideaId: idea.id, userId: family.userId });
      await clinician.client.ok(INVITE, { ideaId: idea.id, userId: family.userId });
      expect(await app.prisma.changeIdeaCoDesigner.count({ where: { ideaId: idea.id } })).toBe(2);
      expect(await app.prisma.notification.count({ where: { subjectId: idea.id, kind: 'CO_DESIGN_INVITE' } })).toBe(1);
    });

    it('refuses inviting a non-member, oneself, or into a closed idea', async () => {
      const idea = await newIdea(clinician, networkId);
      const outsider = (await app.newNetwork(1)).admin;
      expect(errorOf(await clinician.client.gql(INVITE, { ideaId: idea.id, userId: outsider.userId }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'userId',
      });
      expect(errorOf(await clinician.client.gql(INVITE, { ideaId: idea.id, userId: clinician.userId }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'userId',
      });
      const abandoned = await decide(clinician, idea, 'ABANDONED', [lead]);
      expect(abandoned.status).toBe('ABANDONED');
      expect(errorOf(await clinician.client.gql(INVITE, { ideaId: idea.id, userId: patient.userId }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'ideaId',
      });
    });

    it('only co-designers, site leads and admins invite', async () => {
      const idea = await newIdea(clinician, networkId);
      for (const member of [patient, family, researcher]) {
        expect(errorOf(await member.client.gql(INVITE, { ideaId: idea.id, userId: lead.userId })).code).toBe(
          'FORBIDDEN',
        );
      }
      await otherLead.client.ok(INVITE, { ideaId: idea.id, userId: patient.userId });
      await admin.client.ok(INVITE, { ideaId: idea.id, userId: family.userId });
    });

    it('a co-designer leaves; the proposer stays with her idea', async () => {
      const idea = await newIdea(clinician, networkId);
      await addCoDesigner(clinician, idea, family);
      expect((await family.client.ok(LEAVE, { ideaId: idea.id })).leaveCoDesign.viewerCoDesignStatus).toBe('LEFT');
      expect((await clinician.client.ok(PEOPLE, { id: idea.id })).changeIdea.noPatientOrFamilyVoice).toBe(true);
      expect(errorOf(await clinician.client.gql(LEAVE, { ideaId: idea.id }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'ideaId',
      });
      expect(errorOf(await family.client.gql(LEAVE, { ideaId: idea.id })).code).toBe('NOT_FOUND');
    });
  });

  describe('endorsements', () => {
    it('one per member, counted by role, whatever how often she endorses', async () => {
      const idea = await newIdea(clinician, networkId);
      for (const member of [patient, patient, family, clinician, lead, admin])
        await member.client.ok(ENDORSE, { ideaId: idea.id, endorsed: true });
      // Several at once from one member still count once.
      await Promise.all([1, 2, 3].map(() => researcher.client.ok(ENDORSE, { ideaId: idea.id, endorsed: true })));

      const { changeIdea } = await patient.client.ok(ENDORSEMENTS, { id: idea.id });
      expect(changeIdea.endorsements.total).toBe(6);
      expect(changeIdea.endorsements.viewerEndorsed).toBe(true);
      expect(changeIdea.endorsements.byRole).toEqual([
        { role: 'PATIENT_PARTNER', count: 1 },
        { role: 'FAMILY_MEMBER', count: 1 },
        { role: 'CLINICIAN', count: 1 },
        { role: 'RESEARCHER', count: 1 },
        { role: 'SITE_LEAD', count: 1 },
        { role: 'NETWORK_ADMIN', count: 1 },
      ]);
      expect(await app.prisma.changeIdeaEndorsement.count({ where: { ideaId: idea.id } })).toBe(6);
      expect((await otherLead.client.ok(ENDORSEMENTS, { id: idea.id })).changeIdea.endorsements.viewerEndorsed).toBe(
        false,
      );
    });

    it('taking an endorsement back removes it from the distribution', async () => {
      const idea = await newIdea(clinician, networkId);
      await patient.client.ok(ENDORSE, { ideaId: idea.id, endorsed: true });
      await family.client.ok(ENDORSE, { ideaId: idea.id, endorsed: true });
      const after = (await patient.client.ok(ENDORSE, { ideaId: idea.id, endorsed: false })).endorseChangeIdea
        .endorsements;
      expect(after).toMatchObject({ total: 1, viewerEndorsed: false });
      expect(countOf(after.byRole, 'PATIENT_PARTNER')).toBe(0);
      expect(countOf(after.byRole, 'FAMILY_MEMBER')).toBe(1);
    });
  });

  describe("the driver diagram's change ideas", () => {
    it('each driver lists its ideas, in a constant number of queries however many drivers and ideas', async () => {
      const other = await app.newNetwork(1);
      const otherNetwork = other.network.id;
      const drivers: string[] = [];
      for (const title of ['Reliable care', 'Activated families', 'Registry']) {
        drivers.push(
          (await other.admin.client.ok(CREATE_DRIVER, { networkId: otherNetwork, input: { title } })).createDriver.id,
        );
      }
      const a = await newIdea(other.admin, otherNetwork, { title: 'Idea A', driverIds: [drivers[0], drivers[1]] });
      const b = await newIdea(other.admin, otherNetwork, { title: 'Idea B', driverIds: [drivers[1]] });
      const count = async () =>
        (await recordSql(() => other.admin.client.ok(DRIVERS, { networkId: otherNetwork }))).statements.length;

      const { drivers: diagram } = await other.admin.client.ok(DRIVERS, { networkId: otherNetwork });
      const byTitle = Object.fromEntries(diagram.map((d: any) => [d.title, d.changeIdeas.map((i: any) => i.title)]));
      expect(byTitle).toEqual({
        'Reliable care': ['Idea A'],
        'Activated families': ['Idea B', 'Idea A'],
        Registry: [],
      });
      expect(diagram[0].changeIdeas[0]).toMatchObject({
        id: a.id,
        status: 'PROPOSED',
        proposer: { name: other.admin.name },
        endorsements: { total: 0 },
      });

      const before = await count();
      for (let i = 0; i < 6; i += 1) await newIdea(other.admin, otherNetwork, { driverIds: [drivers[i % 3]] });
      for (const title of ['More', 'Still more'])
        await other.admin.client.ok(CREATE_DRIVER, { networkId: otherNetwork, input: { title } });
      expect(await count()).toBe(before);
      expect(b.id).toBeTruthy();
    });
  });

  describe('a page of ideas', () => {
    const FULL_PAGE = `query($networkId: ID!) {
      changeIdeas(networkId: $networkId, first: 25) {
        nodes {
          id proposer { name } drivers { id } participation { count } noPatientOrFamilyVoice nextStatuses
          coDesigners { member { name } invitedBy { name } }
          endorsements { total viewerEndorsed byRole { count } }
          decisions { decidedBy { name } participants { member { name } } }
          viewerCoDesignStatus viewerCanEdit viewerCanInvite viewerCanRecordDecision
        }
      }
    }`;

    it('costs the same number of SQL statements for one idea as for many, every field included', async () => {
      const other = await app.newNetwork(1);
      const net = other.network.id;
      const [lead2, patient2, family2] = await Promise.all([
        app.newMember(other.admin, net, 'SITE_LEAD', other.sites[0].id),
        app.newMember(other.admin, net, 'PATIENT_PARTNER', other.sites[0].id),
        app.newMember(other.admin, net, 'FAMILY_MEMBER', other.sites[0].id),
      ]);
      const driver = (await other.admin.client.ok(CREATE_DRIVER, { networkId: net, input: { title: 'Reliable care' } }))
        .createDriver;
      const seedIdea = async () => {
        const idea = await newIdea(patient2, net, { driverIds: [driver.id] });
        await addCoDesigner(patient2, idea, family2);
        await lead2.client.ok(ENDORSE, { ideaId: idea.id, endorsed: true });
        await decide(patient2, idea, 'CO_DESIGN', [lead2]);
      };
      const statements = async () =>
        (await recordSql(() => patient2.client.ok(FULL_PAGE, { networkId: net }))).statements.length;

      await seedIdea();
      const forOne = await statements();
      for (let i = 0; i < 5; i += 1) await seedIdea();
      const forSix = await statements();

      expect((await patient2.client.ok(FULL_PAGE, { networkId: net })).changeIdeas.nodes).toHaveLength(6);
      expect(forSix).toBe(forOne);
    });
  });

  describe('notifications written with each change', () => {
    const notificationsOf = (subjectId: string, kind: string) =>
      app.prisma.notification.findMany({
        where: { subjectId, kind: kind as any },
        select: { userId: true, actorId: true, networkId: true, payload: true, readAt: true },
      });

    it('a decision taking effect notifies the co-designers, the endorsers and the participants, its recorder included, never the member whose confirmation moved it', async () => {
      const idea: TestIdea = await newIdea(patient, networkId, { title: 'Family-held lab calendar' });
      await addCoDesigner(patient, idea, clinician);
      await researcher.client.ok(ENDORSE, { ideaId: idea.id, endorsed: true });
      await patient.client.ok(ENDORSE, { ideaId: idea.id, endorsed: true });

      await decide(lead, idea, 'CO_DESIGN', [patient]);

      const rows = await notificationsOf(idea.id, 'IDEA_DECISION');
      expect(rows.map((r) => r.userId).sort()).toEqual([lead.userId, clinician.userId, researcher.userId].sort());
      for (const row of rows) {
        expect(row).toMatchObject({ actorId: patient.userId, networkId, readAt: null });
        expect(row.payload).toMatchObject({
          ideaId: idea.id,
          ideaTitle: 'Family-held lab calendar',
          fromStatus: 'PROPOSED',
          toStatus: 'CO_DESIGN',
          actorName: 'Pia Patient',
        });
      }
    });

    it('an invitation notifies the invitee only', async () => {
      const idea = await newIdea(clinician, networkId, { title: 'Shared care plans' });
      await clinician.client.ok(INVITE, { ideaId: idea.id, userId: family.userId });
      const rows = await notificationsOf(idea.id, 'CO_DESIGN_INVITE');
      expect(rows).toEqual([
        {
          userId: family.userId,
          actorId: clinician.userId,
          networkId,
          readAt: null,
          payload: { ideaId: idea.id, ideaTitle: 'Shared care plans', actorName: 'Clara Clinician' },
        },
      ]);
    });

    it('a refused decision notifies nobody', async () => {
      const idea = await newIdea(patient, networkId);
      await researcher.client.ok(ENDORSE, { ideaId: idea.id, endorsed: true });
      await admin.client.gql(PROPOSE_DECISION, { ideaId: idea.id, input: decisionInput(idea, 'CO_DESIGN', [admin]) });
      expect(await notificationsOf(idea.id, 'IDEA_DECISION')).toEqual([]);
      expect(await notificationsOf(idea.id, 'DECISION_AWAITING_CONFIRMATION')).toEqual([]);
    });
  });
});
