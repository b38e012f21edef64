import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp, stubGraphql } from '../../test-support/render-app';
import type { DriverNode } from '../drivers';
import { AddDriverForm, DriverControls } from './driver-editing';

const DRIVER_ID = '0e000000-0000-4000-8000-000000000001';
const driver: DriverNode = {
  id: DRIVER_ID,
  kind: 'PRIMARY',
  parentId: null,
  position: 0,
  title: 'Timely transition',
  description: '',
};

const refusal = (extensions: Record<string, unknown>) => ({ errors: [{ message: 'English not shown', extensions }] });

describe('driver editing', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for a title before adding, then adds and keeps the title box ready for the next', async () => {
    const calls = stubGraphql((name, variables) =>
      name === 'CreateDriver'
        ? {
            data: {
              createDriver: {
                __typename: 'Driver',
                id: DRIVER_ID,
                kind: 'PRIMARY',
                parentId: null,
                position: 0,
                title: (variables.input as { title: string }).title,
                description: '',
              },
            },
          }
        : { data: { me: null } },
    );
    const onChanged = vi.fn();
    renderInApp(<AddDriverForm networkId="n1" parent={null} position={0} onChanged={onChanged} />);
    const title = screen.getByLabelText('New primary driver');

    await userEvent.click(screen.getByRole('button', { name: 'Add primary driver' }));
    await waitFor(() => expect(title).toHaveAttribute('aria-invalid', 'true'));
    expect(title).toHaveAccessibleDescription('This is required.');
    await waitFor(() => expect(title).toHaveFocus());
    expect(calls.filter(([name]) => name === 'CreateDriver')).toEqual([]);

    await userEvent.type(title, 'Timely transition');
    await userEvent.click(screen.getByRole('button', { name: 'Add primary driver' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith('Timely transition is added.'));
    expect(title).toHaveValue('');
    expect(title).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(title).toHaveFocus());
  });

  it("puts the server's refusal of a new name at the title, and returns focus to Rename once saved", async () => {
    let answer = 0;
    stubGraphql((name) => {
      if (name !== 'UpdateDriver') return { data: { me: null } };
      answer += 1;
      return answer === 1
        ? refusal({ code: 'FORBIDDEN' })
        : {
            data: {
              updateDriver: {
                __typename: 'Driver',
                id: DRIVER_ID,
                title: 'Planned transition',
                description: '',
                position: 0,
              },
            },
          };
    });
    const onChanged = vi.fn();
    renderInApp(<DriverControls driver={driver} childCount={0} onChanged={onChanged} />);

    await userEvent.click(screen.getByRole('button', { name: 'Rename Timely transition' }));
    const title = screen.getByLabelText('Name of the driver');
    await waitFor(() => expect(title).toHaveFocus());
    await userEvent.clear(title);
    await userEvent.type(title, 'Planned transition');

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(title).toHaveAccessibleDescription('You are not allowed to do this.'));
    expect(screen.queryByText(/English not shown/)).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith('The driver is now called Planned transition.'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Rename Timely transition' })).toHaveFocus());
  });
});
