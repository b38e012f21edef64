import { useTranslation } from 'react-i18next';
import type { DriverOption } from '../hooks/use-driver-options';
import { CheckboxGroup } from './checkbox-group';

interface DriverPickerProps {
  drivers: readonly DriverOption[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | null;
}

/** Checkboxes for the drivers of the driver diagram an idea should move, secondaries under their primary. */
export function DriverPicker({ drivers, selected, onChange, error }: DriverPickerProps) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      legend={t('ideas.form.drivers')}
      hint={t('ideas.form.driversHint')}
      empty={t('ideas.form.noDrivers')}
      options={drivers.map((driver) => ({
        id: driver.id,
        nested: driver.parentTitle !== null,
        label: driver.parentTitle ? (
          <>
            {driver.title}{' '}
            <span className="visually-hidden">({t('ideas.drivers.under', { parent: driver.parentTitle })})</span>
          </>
        ) : (
          driver.title
        ),
      }))}
      selected={selected}
      onChange={onChange}
      error={error}
      className="driver-picker"
    />
  );
}
