import { fieldIssue } from '@commons/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ReactNode, useEffect } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireViewer } from '../../auth/components/require-viewer';
import { NetworkScope } from '../../networks/network-context';
import { renderInApp, stubGraphql } from '../../test-support/render-app';
import { emptyFormValues, formValuesOf, type ResourceContent } from '../resource-form-values';
import { ResourceForm } from './resource-form';

const RIVERSIDE = '6f1c1a43-08d4-4a52-9a55-3f54d8d8d001';
const NETWORK = {
  id: 'n1',
  slug: 'northstar',
  name: 'NorthStar',
  description: '',
  startedOn: '2024-01-01',
  sites: [{ id: RIVERSIDE, name: 'Riverside', city: 'Leeds' }],
};
const VIEWER = {
  id: 'u1',
  name: 'Elin',
  email: 'elin@example.org',
  pronouns: null,
  bio: '',
  interests: [],
  locale: 'en',
  memberships: [
    {
      id: 'm1',
      role: 'CLINICIAN',
      active: true,
      joinedAt: '2024-01-01T00:00:00Z',
      site: { id: RIVERSIDE, name: 'Riverside' },
      siteRequest: null,
      network: { id: 'n1', slug: 'northstar', name: 'NorthStar', sites: [] },
    },
  ],
};
const SOURCE: ResourceContent & { id: string; attachmentCount: number } = {
  id: 'source',
  kind: 'TOOL',
  title: 'Flare action plan',
  summary: 'A traffic-light plan.',
  body: '## Green\n\nAll is well.',
  tags: ['flare'],
  audiences: ['PATIENT_PARTNER'],
  license: 'CC-BY-4.0',
  site: null,
  attachmentCount: 0,
};

let location = '';
function LocationProbe() {
  const current = useLocation();
  useEffect(() => {
    location = current.pathname;
  });
  return null;
}

type Responder = Parameters<typeof stubGraphql>[0];

function renderForm(form: ReactNode, respond: Responder) {
  const calls = stubGraphql((operation, variables) => {
    if (operation === 'Viewer') return { data: { me: VIEWER } };
    if (operation === 'NetworkScope') return { data: { network: NETWORK } };
    if (operation === 'NetworkTags') return { data: { networkTags: [{ tag: 'school', description: 'School' }] } };
    return respond(operation, variables);
  });
  renderInApp(
    <>
      <LocationProbe />
      <Routes>
        <Route element={<RequireViewer />}>
          <Route path="/n/:slug" element={<NetworkScope />}>
            <Route path="commons/new" element={form} />
            <Route path="commons/:id" element={<p>resource page</p>} />
          </Route>
        </Route>
      </Routes>
    </>,
    '/n/northstar/commons/new',
  );
  return calls;
}

const mutations = (calls: [string, Record<string, unknown>][]) =>
  calls.filter(([name]) => /Resource$/.test(name) && name !== 'NetworkTags');

describe('ResourceForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('puts the server problems next to the fields they name and focuses the first', async () => {
    renderForm(<ResourceForm mode="post" initial={emptyFormValues(RIVERSIDE)} />, () => ({
      data: null,
      errors: [
        {
          message: 'input.tags.1 may hold only letters',
          extensions: {
            code: 'BAD_USER_INPUT',
            field: 'input.tags.1',
            issues: [
              fieldIssue('input.tags.1', 'invalid_format', { format: 'tag' }),
              fieldIssue('input.siteId', 'not_in_network', { kind: 'site' }),
            ],
          },
        },
      ],
    }));
    await userEvent.type(await screen.findByLabelText('Title'), 'Gastrostomy care card');
    await userEvent.click(screen.getByRole('button', { name: 'Share resource' }));

    const site = await screen.findByLabelText('Site');
    await waitFor(() => expect(site).toHaveAttribute('aria-invalid', 'true'));
    expect(site).toHaveAccessibleDescription(expect.stringContaining('This is not part of the network.'));
    const freeTag = screen.getByLabelText('Add your own tag');
    expect(freeTag).toHaveAttribute('aria-invalid', 'true');
    expect(freeTag).toHaveAccessibleDescription(
      expect.stringContaining("A tag may hold only letters, digits, spaces and - ' & +."),
    );
    await waitFor(() => expect(freeTag).toHaveFocus());
    expect(location).toBe('/n/northstar/commons/new');
  });

  it('checks the form with the shared rules before anything is sent', async () => {
    const calls = renderForm(<ResourceForm mode="post" initial={emptyFormValues(RIVERSIDE)} />, () => ({ data: null }));
    await userEvent.type(await screen.findByLabelText('Title'), 'ab');
    await userEvent.click(screen.getByRole('button', { name: 'Share resource' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Title')).toHaveAccessibleDescription(
        '2 / 160 characters Use at least 3 characters.',
      ),
    );
    expect(mutations(calls)).toEqual([]);
  });

  it('adapts with one call when only the title and site change', async () => {
    const calls = renderForm(
      <ResourceForm mode="adapt" initial={formValuesOf(SOURCE, RIVERSIDE)} source={SOURCE} />,
      (operation) =>
        operation === 'AdaptResource' ? { data: { adaptResource: { id: 'copy', version: 1 } } } : { data: null },
    );
    const title = await screen.findByLabelText('Title');
    await userEvent.clear(title);
    await userEvent.type(title, 'Flare action plan (Riverside)');
    await userEvent.click(screen.getByRole('button', { name: 'Create my adaptation' }));
    await waitFor(() => expect(location).toBe('/n/northstar/commons/copy'));
    expect(mutations(calls)).toEqual([
      ['AdaptResource', { resourceId: 'source', input: { siteId: RIVERSIDE, title: 'Flare action plan (Riverside)' } }],
    ]);
  });

  it('saves further changes as a second version of the adaptation, and a retry after a failure does not adapt twice', async () => {
    let editTries = 0;
    const calls = renderForm(
      <ResourceForm mode="adapt" initial={formValuesOf(SOURCE, RIVERSIDE)} source={SOURCE} />,
      (operation) => {
        if (operation === 'AdaptResource') return { data: { adaptResource: { id: 'copy', version: 1 } } };
        if (operation === 'EditResource') {
          editTries += 1;
          return editTries === 1
            ? {
                data: null,
                errors: [
                  {
                    message: 'Please check',
                    extensions: {
                      code: 'BAD_USER_INPUT',
                      field: 'input.body',
                      issues: [fieldIssue('input.body', 'too_long', { max: 50000 })],
                    },
                  },
                ],
              }
            : { data: { editResource: { id: 'copy', version: 2 } } };
        }
        return { data: null };
      },
    );
    const body = await screen.findByLabelText('Text');
    await userEvent.type(body, '{enter}{enter}Call Riverside on 555 0100.');
    await userEvent.type(screen.getByLabelText('What did you change for your site?'), 'Our number');
    await userEvent.click(screen.getByRole('button', { name: 'Create my adaptation' }));

    await waitFor(() => expect(screen.getByLabelText('Text')).toHaveAttribute('aria-invalid', 'true'));
    expect(
      within(screen.getByRole('alert')).getByText(
        /Your adaptation was created, but your changes to it were not saved yet/,
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create my adaptation' }));
    await waitFor(() => expect(location).toBe('/n/northstar/commons/copy'));

    const sent = mutations(calls);
    expect(sent.map(([name]) => name)).toEqual(['AdaptResource', 'EditResource', 'EditResource']);
    expect(sent[1][1]).toMatchObject({
      resourceId: 'copy',
      input: {
        expectedVersion: 1,
        changeNote: 'Our number',
        body: '## Green\n\nAll is well.\n\nCall Riverside on 555 0100.',
        siteId: RIVERSIDE,
        tags: ['flare'],
      },
    });
  });
});
