import { describe, expect, it } from 'vitest';
import { isRole, ROLES } from './roles';

describe('isRole', () => {
  it.each(ROLES)('accepts %s', (role) => expect(isRole(role)).toBe(true));
  it.each(['ADMIN', 'patient_partner', '', null, 3])('rejects %s', (value) => expect(isRole(value)).toBe(false));
});
