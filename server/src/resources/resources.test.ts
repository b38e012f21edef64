import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf } from '../test-support/graphql-client';
import {
  EDIT_RESOURCE,
  editInput,
  GET_RESOURCE,
  newResource,
  POST_RESOURCE,
  RESOURCE_FIELDS,
  resourceInput,
} from '../test-support/resources';
import { TestApp, type TestMember } from '../test-support/test-app';

const HISTORY = `query($id: ID!) { resource(id: $id) { version history { version title body tags changeNote editedAt editedBy { userId name } site { id } } } }`;
const DIFF = `query($id: ID!, $from: Int!, $to: Int!) {
  resourceDiff(resourceId: $id, fromVersion: $from, toVersion: $to) { fromVersion toVersion fields { field hunks { oldStart oldLines newStart newLines lines { kind text } } } }
}`;
const ADAPT = `mutation($id: ID!, $input: AdaptResourceInput) { adaptResource(resourceId: $id, input: $input) { ${RESOURCE_FIELDS} adaptedFrom { id } } }`;
const LINEAGE = `query($id: ID!) { resource(id: $id) { lineage {
  ancestors { id parentId depth title site { id } author { userId } }
  descendants { id parentId depth title kind useCount site { id } author { name } }
} } }`;
const HIDE = `mutation($id: ID!, $reason: String!) { hideResource(resourceId: $id, reason: $reason) { id hidden hiddenAt hiddenReason } }`;
const UNHIDE = `mutation($id: ID!) { unhideResource(resourceId: $id) { id hidden hiddenReason } }`;
const HELPFUL = `mutation($id: ID!, $helpful: Boolean!) { markResourceHelpful(resourceId: $id, helpful: $helpful) { helpfulCount viewerMarkedHelpful } }`;
const USE = `mutation($id: ID!, $input: ResourceUseInput!) { recordResourceUse(resourceId: $id, input: $input) { useCount uses { note site { id name } recordedBy { userId } } } }`;
const REMOVE_USE = `mutation($id: ID!, $siteId: ID!) { removeResourceUse(resourceId: $id, siteId: $siteId) { useCount uses { site { id } } } }`;
const BOOKMARK = `mutation($id: ID!, $bookmarked: Boolean!) { bookmarkResource(resourceId: $id, bookmarked: $bookmarked) { id viewerBookmarked } }`;
const BOOKMARKS = `query($networkId: ID!) { myBookmarks(networkId: $networkId) { totalCount nodes { id } } }`;
const VIEW = `mutation($id: ID!) { recordResourceView(resourceId: $id) { viewCount } }`;
const COUNT_VIEW = `mutation($id: ID!) { countResourceView(resourceId: $id) { resourceId viewCount } }`;
const TAGS = `query($networkId: ID!) { networkTags(networkId: $networkId) { tag description resourceCount } }`;
const CREATE_TAG = `mutation($networkId: ID!, $input: NetworkTagInput!) { createNetworkTag(networkId: $networkId, input: $input) { tag description resourceCount } }`;
const DELETE_TAG = `mutation($networkId: ID!, $tag: String!) { deleteNetworkTag(networkId: $networkId, tag: $tag) }`;

describe('the commons: resources', () => {
  let app: TestApp;
  let networkId: string;
  let siteA: string;
  let siteB: string;
  let otherSite: string;
  let admin: TestMember;
  let lead: TestMember;
  let clinicianB: TestMember;
  let patient: TestMember;
  let researcher: TestMember;
  let outsider: TestMember;

  beforeAll(async () => {
    app = await TestApp.start();
    const made = await app.newNetwork(2);
    admin = made.admin;
    networkId = made.network.id;
    [siteA, siteB] = made.sites.map((site) => site.id);
    [lead, clinicianB, patient, researcher] = await Promise.all([
      app.newMember(admin, networkId, 'SITE_LEAD', siteA, 'Lena Lead'),
      app.newMember(admin, networkId, 'CLINICIAN', siteB, 'Bo Clinician'),
      app.newMember(admin, networkId, 'PATIENT_PARTNER', siteA, 'Pia Patient'),
      app.newMember(admin, networkId, 'RESEARCHER', null, 'Rut Researcher'),
    ]);
    const other = await app.newNetwork(1);
    outsider = other.admin;
    otherSite = other.sites[0].id;
  });
  afterAll(async () => {
    await app?.stop();
  });

  describe('postResource', () => {
    it('shares a resource with normalised tags, CC BY 4.0 by default, as version 1 by its author', async () => {
      const { postResource } = await patient.client.ok(POST_RESOURCE, {
        networkId,
        input: resourceInput({
          kind: 'GUIDE',
          title: '  My flare plan ',
          tags: ['#School', 'school', 'Flare  Plan'],
          audiences: ['PATIENT_PARTNER', 'FAMILY_MEMBER'],
          siteId: siteA,
        }),
      });

      expect(postResource).toMatchObject({
        networkId,
        kind: 'GUIDE',
        title: 'My flare plan',
        tags: ['school', 'flare plan'],
        audiences: ['PATIENT_PARTNER', 'FAMILY_MEMBER'],
        license: 'CC-BY-4.0',
        version: 1,
        hidden: false,
        adaptedFromId: null,
        site: { id: siteA },
        author: { userId: patient.userId, name: 'Pia Patient' },
      });
      const versions = await app.prisma.resourceVersion.findMany({ where: { resourceId: postResource.id } });
      expect(versions).toMatchObject([{ version: 1, title: 'My flare plan', editedById: patient.userId }]);
    });

    it('renders the Markdown body sanitised: no script, no event handlers, no javascript: links', async () => {
      const body = [
        '# Plan',
        '',
        'Call **the nurse** at [our page](https://example.org/ibd) or [mail](mailto:ibd@example.org).',
        '',
        '<script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">raw</a>',
        '',
        '[click me](javascript:alert(4)) [again](JaVaScRiPt:alert(5)) [data](data:text/html;base64,PHNjcmlwdD4=)',
        '',
        '![logo](javascript:alert(6)) ![ok](https://example.org/logo.png)',
        '',
        '| step | who |',
        '|---|---|',
        '| call | parent |',
      ].join('\n');
      const resource = await newResource(patient, networkId, { body });
      const html = resource.bodyHtml as string;

      expect(html).toContain('<h1>Plan</h1>');
      expect(html).toContain('<strong>the nurse</strong>');
      expect(html).toContain('<a href="https://example.org/ibd" rel="noopener noreferrer nofollow">our page</a>');
      expect(html).toContain('<a href="mailto:ibd@example.org"');
      // An image from another site would be blocked by the content policy: it becomes a labelled link.
      expect(html).toContain(
        '<a href="https://example.org/logo.png" class="md-external-image" rel="noopener noreferrer nofollow">ok</a>',
      );
      expect(html).not.toContain('<img');
      expect(html).toContain('<td>call</td>');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<[a-z]+[^>]*\son[a-z]+=/i);
      expect(html).not.toMatch(/<(a|img)\s[^>]*(href|src)="\s*(javascript|data|vbscript):/i);
      expect(html).not.toContain('<img src="x"');
      // Raw HTML shows as text, escaped.
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a short title', { title: 'ab' }, 'input.title'],
      ['an unknown kind of licence', { license: 'WTFPL' }, 'input.license'],
      ['a tag of punctuation only', { tags: ['ok', '!!!'] }, 'input.tags.1'],
      ['a site of another network', { siteId: 'OTHER' }, 'input.siteId'],
      ['a malformed site id', { siteId: 'riverside' }, 'input.siteId'],
    ])('refuses %s with BAD_USER_INPUT on %s and writes nothing', async (_, override, field) => {
      const before = await app.prisma.resource.count();
      const input = resourceInput({
        ...override,
        siteId: override.siteId === 'OTHER' ? otherSite : (override.siteId ?? null),
      });

      const result = await admin.client.gql(POST_RESOURCE, { networkId, input });

      expect(errorOf(result)).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(await app.prisma.resource.count()).toBe(before);
    });

    it('lets a member post for her own site or none, not for another site', async () => {
      expect(
        errorOf(await patient.client.gql(POST_RESOURCE, { networkId, input: resourceInput({ siteId: siteB }) })).code,
      ).toBe('FORBIDDEN');
      expect(
        errorOf(await researcher.client.gql(POST_RESOURCE, { networkId, input: resourceInput({ siteId: siteA }) }))
          .code,
      ).toBe('FORBIDDEN');
      expect(
        (await researcher.client.ok(POST_RESOURCE, { networkId, input: resourceInput() })).postResource.site,
      ).toBeNull();
      expect(
        (await admin.client.ok(POST_RESOURCE, { networkId, input: resourceInput({ siteId: siteB }) })).postResource
          .site,
      ).toEqual({ id: siteB });
    });

    it('is NOT_FOUND for a non-member and UNAUTHENTICATED when signed out', async () => {
      expect(errorOf(await outsider.client.gql(POST_RESOURCE, { networkId, input: resourceInput() })).code).toBe(
        'NOT_FOUND',
      );
      expect(errorOf(await app.client().gql(POST_RESOURCE, { networkId, input: resourceInput() })).code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('hides a resource from non-members as NOT_FOUND, as if it did not exist', async () => {
      const resource = await newResource(patient, networkId);

      expect(errorOf(await outsider.client.gql(GET_RESOURCE, { id: resource.id })).code).toBe('NOT_FOUND');
      expect(
        errorOf(await outsider.client.gql(GET_RESOURCE, { id: '00000000-0000-4000-8000-000000000000' })).code,
      ).toBe('NOT_FOUND');
      expect(errorOf(await patient.client.gql(GET_RESOURCE, { id: 'nope' }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'id',
      });
    });
  });

  describe('editResource, history and diff', () => {
    it('saves every edit as a version, with the history newest first and a line diff between any two', async () => {
      const resource = await newResource(lead, networkId, {
        title: 'Pre-visit planning checklist',
        body: 'Line one\nLine two\nLine three',
        tags: ['pre-visit'],
      });
      const v2 = (
        await lead.client.ok(EDIT_RESOURCE, {
          id: resource.id,
          input: editInput(resource, {
            body: 'Line one\nLine 2\nLine three\nLine four',
            changeNote: 'Clearer wording',
          }),
        })
      ).editResource;
      const v3 = (
        await admin.client.ok(EDIT_RESOURCE, {
          id: resource.id,
          input: editInput(v2, { title: 'Pre-visit planning checklist (2026)', tags: ['pre-visit', 'huddle'] }),
        })
      ).editResource;

      expect(v3.version).toBe(3);
      const { resource: withHistory } = await patient.client.ok(HISTORY, { id: resource.id });
      expect(
        withHistory.history.map((v: { version: number; changeNote: string; editedBy: { userId: string } }) => [
          v.version,
          v.changeNote,
          v.editedBy.userId,
        ]),
      ).toEqual([
        [3, '', admin.userId],
        [2, 'Clearer wording', lead.userId],
        [1, '', lead.userId],
      ]);
      expect(withHistory.history[2]).toMatchObject({
        title: 'Pre-visit planning checklist',
        body: 'Line one\nLine two\nLine three',
        tags: ['pre-visit'],
      });

      const { resourceDiff } = await patient.client.ok(DIFF, { id: resource.id, from: 1, to: 3 });
      expect(resourceDiff.fields.map((f: { field: string }) => f.field)).toEqual(['title', 'body', 'tags']);
      const body = resourceDiff.fields.find((f: { field: string }) => f.field === 'body');
      expect(body.hunks).toEqual([
        {
          oldStart: 1,
          oldLines: 3,
          newStart: 1,
          newLines: 4,
          lines: [
            { kind: 'CONTEXT', text: 'Line one' },
            { kind: 'REMOVED', text: 'Line two' },
            { kind: 'ADDED', text: 'Line 2' },
            { kind: 'CONTEXT', text: 'Line three' },
            { kind: 'ADDED', text: 'Line four' },
          ],
        },
      ]);
      const tags = resourceDiff.fields.find((f: { field: string }) => f.field === 'tags');
      expect(tags.hunks[0].lines).toEqual([
        { kind: 'CONTEXT', text: 'pre-visit' },
        { kind: 'ADDED', text: 'huddle' },
      ]);
    });

    it('answers CONFLICT to an edit of a version that is no longer current, and keeps the newer one', async () => {
      const resource = await newResource(lead, networkId);
      await lead.client.ok(EDIT_RESOURCE, { id: resource.id, input: editInput(resource, { summary: 'first editor' }) });

      const result = await admin.client.gql(EDIT_RESOURCE, {
        id: resource.id,
        input: editInput(resource, { summary: 'second editor' }),
      });

      expect(errorOf(result)).toEqual({ code: 'CONFLICT', field: 'input.expectedVersion' });
      expect(await app.prisma.resource.findUniqueOrThrow({ where: { id: resource.id } })).toMatchObject({
        version: 2,
        summary: 'first editor',
      });
    });

    it('does not make a version of an edit that changes nothing', async () => {
      const resource = await newResource(lead, networkId);

      const { editResource } = await lead.client.ok(EDIT_RESOURCE, {
        id: resource.id,
        input: editInput(resource, { changeNote: 'nothing really' }),
      });

      expect(editResource.version).toBe(1);
      expect(await app.prisma.resourceVersion.count({ where: { resourceId: resource.id } })).toBe(1);
    });

    it('lets only the author and network admins edit', async () => {
      const resource = await newResource(patient, networkId);

      for (const member of [lead, clinicianB, researcher]) {
        expect(
          errorOf(
            await member.client.gql(EDIT_RESOURCE, {
              id: resource.id,
              input: editInput(resource, { title: 'Taken over' }),
            }),
          ).code,
        ).toBe('FORBIDDEN');
      }
      expect(
        errorOf(
          await outsider.client.gql(EDIT_RESOURCE, {
            id: resource.id,
            input: editInput(resource, { title: 'Taken over' }),
          }),
        ).code,
      ).toBe('NOT_FOUND');
      expect(await app.prisma.resource.findUniqueOrThrow({ where: { id: resource.id } })).toMatchObject({
        version: 1,
        title: resource.title,
      });
    });

    it('refuses a diff with a version the resource does not have, naming it', async () => {
      const resource = await newResource(patient, networkId);

      expect(errorOf(await patient.client.gql(DIFF, { id: resource.id, from: 1, to: 2 }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'toVersion',
      });
      expect(errorOf(await patient.client.gql(DIFF, { id: resource.id, from: 0, to: 1 }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'fromVersion',
      });
    });
  });

  describe('adaptResource and lineage', () => {
    it("copies the resource for the member's own site, records where it came from, and shows the whole lineage", async () => {
      const origin = await newResource(lead, networkId, {
        kind: 'TEMPLATE',
        title: 'School letter template',
        body: 'Dear teacher,',
        tags: ['school'],
        siteId: siteA,
      });

      const { adaptResource: adapted } = await clinicianB.client.ok(ADAPT, { id: origin.id });
      const { adaptResource: grandchild } = await patient.client.ok(ADAPT, {
        id: adapted.id,
        input: { title: 'School letter for teenagers' },
      });
      const { adaptResource: sibling } = await researcher.client.ok(ADAPT, { id: origin.id, input: { siteId: null } });

      expect(adapted).toMatchObject({
        title: 'School letter template',
        body: 'Dear teacher,',
        tags: ['school'],
        kind: 'TEMPLATE',
        version: 1,
        adaptedFromId: origin.id,
        adaptedFrom: { id: origin.id },
        site: { id: siteB },
        author: { userId: clinicianB.userId },
      });
      expect(grandchild).toMatchObject({
        title: 'School letter for teenagers',
        site: { id: siteA },
        adaptedFromId: adapted.id,
      });
      expect(sibling.site).toBeNull();

      const fromOrigin = (await patient.client.ok(LINEAGE, { id: origin.id })).resource.lineage;
      expect(fromOrigin.ancestors).toEqual([]);
      expect(
        fromOrigin.descendants.map((n: { id: string; parentId: string; depth: number }) => [n.id, n.parentId, n.depth]),
      ).toEqual([
        [adapted.id, origin.id, 1],
        [grandchild.id, adapted.id, 2],
        [sibling.id, origin.id, 1],
      ]);
      const fromGrandchild = (await patient.client.ok(LINEAGE, { id: grandchild.id })).resource.lineage;
      expect(fromGrandchild.ancestors.map((n: { id: string; depth: number }) => [n.id, n.depth])).toEqual([
        [adapted.id, -1],
        [origin.id, -2],
      ]);
      expect(fromGrandchild.descendants).toEqual([]);
      const history = (await patient.client.ok(HISTORY, { id: adapted.id })).resource.history;
      expect(history).toMatchObject([
        {
          version: 1,
          changeNote: 'Adapted from "School letter template" (version 1)',
          editedBy: { userId: clinicianB.userId },
        },
      ]);
    });

    it("refuses an adaptation for another site than the member's own", async () => {
      const origin = await newResource(lead, networkId);

      expect(errorOf(await patient.client.gql(ADAPT, { id: origin.id, input: { siteId: siteB } })).code).toBe(
        'FORBIDDEN',
      );
      expect(errorOf(await admin.client.gql(ADAPT, { id: origin.id, input: { siteId: otherSite } }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.siteId',
      });
      expect(await app.prisma.resource.count({ where: { adaptedFromId: origin.id } })).toBe(0);
    });

    it('refuses to adapt a resource whose licence reserves all rights, except for its author', async () => {
      const origin = await newResource(lead, networkId, { license: 'ALL-RIGHTS-RESERVED' });
      const adaptable = async (member: TestMember) =>
        (await member.client.ok(`query($id: ID!) { resource(id: $id) { viewerCanAdapt } }`, { id: origin.id })).resource
          .viewerCanAdapt;
      expect([await adaptable(patient), await adaptable(admin), await adaptable(lead)]).toEqual([false, false, true]);

      expect(errorOf(await patient.client.gql(ADAPT, { id: origin.id }))).toEqual({
        code: 'FORBIDDEN',
        field: 'resourceId',
      });
      expect((await lead.client.ok(ADAPT, { id: origin.id })).adaptResource.adaptedFromId).toBe(origin.id);
    });
  });

  describe('moderation', () => {
    it('hides a resource from everyone but admins and its author, who sees why; nothing is deleted', async () => {
      const resource = await newResource(patient, networkId, { title: 'Questionable advice' });

      const { hideResource } = await admin.client.ok(HIDE, {
        id: resource.id,
        reason: '  Recommends stopping medication without a doctor. ',
      });

      expect(hideResource).toMatchObject({
        hidden: true,
        hiddenReason: 'Recommends stopping medication without a doctor.',
      });
      expect((await patient.client.ok(GET_RESOURCE, { id: resource.id })).resource).toMatchObject({
        hidden: true,
        hiddenReason: 'Recommends stopping medication without a doctor.',
      });
      expect((await admin.client.ok(GET_RESOURCE, { id: resource.id })).resource.hidden).toBe(true);
      for (const member of [lead, clinicianB, researcher, outsider]) {
        expect(errorOf(await member.client.gql(GET_RESOURCE, { id: resource.id })).code).toBe('NOT_FOUND');
      }
      expect(await app.prisma.resource.findUniqueOrThrow({ where: { id: resource.id } })).toMatchObject({
        title: 'Questionable advice',
        hiddenById: admin.userId,
      });

      const { unhideResource } = await admin.client.ok(UNHIDE, { id: resource.id });
      expect(unhideResource).toEqual({ id: resource.id, hidden: false, hiddenReason: null });
      expect((await lead.client.ok(GET_RESOURCE, { id: resource.id })).resource.title).toBe('Questionable advice');
    });

    it('needs a reason, and only network admins may hide or unhide, even their own resources', async () => {
      const resource = await newResource(lead, networkId);

      expect(errorOf(await admin.client.gql(HIDE, { id: resource.id, reason: ' ' }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
      for (const member of [lead, patient, clinicianB]) {
        expect(errorOf(await member.client.gql(HIDE, { id: resource.id, reason: 'I do not like it' })).code).toBe(
          'FORBIDDEN',
        );
      }
      await admin.client.ok(HIDE, { id: resource.id, reason: 'Duplicate of another resource' });
      expect(errorOf(await lead.client.gql(UNHIDE, { id: resource.id })).code).toBe('FORBIDDEN');
      expect((await app.prisma.resource.findUniqueOrThrow({ where: { id: resource.id } })).hiddenAt).not.toBeNull();
    });

    it('leaves a hidden adaptation out of the lineage, hanging its own adaptations from the nearest visible one', async () => {
      const origin = await newResource(lead, networkId, { title: 'Transition readiness checklist' });
      const hidden = (await clinicianB.client.ok(ADAPT, { id: origin.id })).adaptResource;
      const child = (await patient.client.ok(ADAPT, { id: hidden.id })).adaptResource;
      await admin.client.ok(HIDE, { id: hidden.id, reason: "Contains a patient's name" });

      const seenByOthers = (await researcher.client.ok(LINEAGE, { id: origin.id })).resource.lineage.descendants;
      const seenByAdmin = (await admin.client.ok(LINEAGE, { id: origin.id })).resource.lineage.descendants;
      const childLineage = (await researcher.client.ok(LINEAGE, { id: child.id })).resource.lineage.ancestors;

      expect(
        seenByOthers.map((n: { id: string; parentId: string; depth: number }) => [n.id, n.parentId, n.depth]),
      ).toEqual([[child.id, origin.id, 1]]);
      expect(seenByAdmin.map((n: { id: string }) => n.id)).toEqual([hidden.id, child.id]);
      expect(childLineage.map((n: { id: string; depth: number }) => [n.id, n.depth])).toEqual([[origin.id, -1]]);
      expect(
        (
          await researcher.client.ok(`query($id: ID!) { resource(id: $id) { adaptedFromId adaptedFrom { id } } }`, {
            id: child.id,
          })
        ).resource,
      ).toEqual({
        adaptedFromId: hidden.id,
        adaptedFrom: null,
      });
    });
  });

  describe('engagement', () => {
    it('counts one helpful mark per member, and takes it back', async () => {
      const resource = await newResource(lead, networkId);

      await patient.client.ok(HELPFUL, { id: resource.id, helpful: true });
      const twice = (await patient.client.ok(HELPFUL, { id: resource.id, helpful: true })).markResourceHelpful;
      const other = (await researcher.client.ok(HELPFUL, { id: resource.id, helpful: true })).markResourceHelpful;
      const back = (await patient.client.ok(HELPFUL, { id: resource.id, helpful: false })).markResourceHelpful;

      expect(twice).toEqual({ helpfulCount: 1, viewerMarkedHelpful: true });
      expect(other).toEqual({ helpfulCount: 2, viewerMarkedHelpful: true });
      expect(back).toEqual({ helpfulCount: 1, viewerMarkedHelpful: false });
    });

    it('records which sites used a resource: a member for her own site, an admin for any; again updates the note', async () => {
      const resource = await newResource(researcher, networkId);

      await patient.client.ok(USE, { id: resource.id, input: { siteId: siteA, note: 'Used in our parent evening' } });
      const updated = (
        await lead.client.ok(USE, { id: resource.id, input: { siteId: siteA, note: '  Used in two parent evenings ' } })
      ).recordResourceUse;
      const refused = await patient.client.gql(USE, { id: resource.id, input: { siteId: siteB, note: 'Not my site' } });
      const byAdmin = (await admin.client.ok(USE, { id: resource.id, input: { siteId: siteB, note: '' } }))
        .recordResourceUse;

      expect(updated).toMatchObject({
        useCount: 1,
        uses: [{ note: 'Used in two parent evenings', site: { id: siteA }, recordedBy: { userId: lead.userId } }],
      });
      expect(errorOf(refused).code).toBe('FORBIDDEN');
      expect(byAdmin.useCount).toBe(2);
      expect(byAdmin.uses.map((use: { site: { id: string } }) => use.site.id)).toEqual([siteA, siteB]);
      expect(
        errorOf(await researcher.client.gql(USE, { id: resource.id, input: { siteId: siteA, note: '' } })).code,
      ).toBe('FORBIDDEN');
      expect(errorOf(await admin.client.gql(USE, { id: resource.id, input: { siteId: otherSite, note: '' } }))).toEqual(
        { code: 'BAD_USER_INPUT', field: 'input.siteId' },
      );

      const removed = (await admin.client.ok(REMOVE_USE, { id: resource.id, siteId: siteB })).removeResourceUse;
      expect(removed).toEqual({ useCount: 1, uses: [{ site: { id: siteA } }] });
    });

    it("keeps each member's bookmarks, leaving out resources hidden since", async () => {
      const kept = await newResource(lead, networkId);
      const toHide = await newResource(lead, networkId);
      await researcher.client.ok(BOOKMARK, { id: kept.id, bookmarked: true });
      await researcher.client.ok(BOOKMARK, { id: toHide.id, bookmarked: true });
      await admin.client.ok(HIDE, { id: toHide.id, reason: 'Out of date' });

      const { myBookmarks } = await researcher.client.ok(BOOKMARKS, { networkId });
      expect(myBookmarks).toEqual({ totalCount: 1, nodes: [{ id: kept.id }] });
      expect((await patient.client.ok(BOOKMARKS, { networkId })).myBookmarks.totalCount).toBe(0);

      const { bookmarkResource } = await researcher.client.ok(BOOKMARK, { id: kept.id, bookmarked: false });
      expect(bookmarkResource).toEqual({ id: kept.id, viewerBookmarked: false });
      expect((await researcher.client.ok(BOOKMARKS, { networkId })).myBookmarks.totalCount).toBe(0);
    });

    it("counts a member's views once a day", async () => {
      const resource = await newResource(lead, networkId);

      await patient.client.ok(VIEW, { id: resource.id });
      await patient.client.ok(VIEW, { id: resource.id });
      const { recordResourceView } = await researcher.client.ok(VIEW, { id: resource.id });

      expect(recordResourceView.viewCount).toBe(2);
      // The same count, answered alone (what the web app asks, so its cache keeps the resource).
      const { countResourceView } = await lead.client.ok(COUNT_VIEW, { id: resource.id });
      expect(countResourceView).toEqual({ resourceId: resource.id, viewCount: 3 });
      expect((await lead.client.ok(COUNT_VIEW, { id: resource.id })).countResourceView.viewCount).toBe(3);
    });
  });

  describe('curated tags', () => {
    it('are kept by network admins, counted over visible resources, and removable', async () => {
      await newResource(lead, networkId, { tags: ['Exclusive enteral nutrition'] });

      const { createNetworkTag } = await admin.client.ok(CREATE_TAG, {
        networkId,
        input: { tag: ' #Exclusive  Enteral Nutrition', description: 'EEN' },
      });
      expect(createNetworkTag).toEqual({ tag: 'exclusive enteral nutrition', description: 'EEN', resourceCount: 1 });
      expect(
        errorOf(await admin.client.gql(CREATE_TAG, { networkId, input: { tag: 'exclusive enteral nutrition' } })),
      ).toEqual({ code: 'CONFLICT', field: 'input.tag' });
      expect(errorOf(await lead.client.gql(CREATE_TAG, { networkId, input: { tag: 'anything' } })).code).toBe(
        'FORBIDDEN',
      );
      expect((await patient.client.ok(TAGS, { networkId })).networkTags).toContainEqual({
        tag: 'exclusive enteral nutrition',
        description: 'EEN',
        resourceCount: 1,
      });

      expect(
        (await admin.client.ok(DELETE_TAG, { networkId, tag: 'Exclusive enteral nutrition' })).deleteNetworkTag,
      ).toBe(true);
      expect((await patient.client.ok(TAGS, { networkId })).networkTags).toEqual([]);
    });
  });
});
