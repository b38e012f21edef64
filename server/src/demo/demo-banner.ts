import type { Role } from '@commons/shared';
import { DEMO_NETWORK, DEMO_PASSWORD, DEMO_SIGN_INS, DEMO_SITES } from './demo-people';

const ROLE_NAMES: Record<Role, string> = {
  NETWORK_ADMIN: 'Network admin',
  SITE_LEAD: 'Site lead',
  CLINICIAN: 'Clinician',
  RESEARCHER: 'Researcher',
  PATIENT_PARTNER: 'Patient partner',
  FAMILY_MEMBER: 'Family member',
};

/**
 * The newcomer's welcome, printed on stdout when the demo network runs on a localhost URL: where to
 * open the app and the demo sign-ins. Only ever shown there (see demo-policy.ts), since it holds the
 * demo's password.
 */
export function demoSignInsBanner(url: string): string {
  const width = Math.max(...DEMO_SIGN_INS.map((s) => ROLE_NAMES[s.role].length));
  const rows = DEMO_SIGN_INS.map((s) => {
    const site = s.site === null ? 'network-wide' : DEMO_SITES[s.site].name;
    return `    ${ROLE_NAMES[s.role].padEnd(width)}  ${s.email.padEnd(28)}  ${site}`;
  });
  return [
    '',
    `  Commons is running the demo network "${DEMO_NETWORK.name}" at ${url}`,
    '',
    `  Sign in with any of these accounts; each has the password: ${DEMO_PASSWORD}`,
    ...rows,
    '',
    '  To start your own network instead, see "Starting a real network" in README.md.',
    '',
    '',
  ].join('\n');
}
