import { ROLES, type Role } from '@commons/shared';
import { useTranslation } from 'react-i18next';
import type { Option } from '../ui/field';

/** Roles as options of a drop-down list, in the policy's order, labelled in the member's language. */
export function useRoleOptions(roles: readonly Role[] = ROLES): Option[] {
  const { t } = useTranslation();
  return roles.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
