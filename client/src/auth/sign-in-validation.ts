// The sign-in form's rules, in a chunk of their own (zod is most of it): the form loads it once
// the person starts typing, so the sign-in page itself starts without it.
export { signInSchema } from '@commons/shared/validation/auth';
