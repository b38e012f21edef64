// The rules of declining a site request, in their own chunk: the list is on the home page, which
// should not load the validation library before anyone declines.
export { siteRequestDeclineSchema } from '@commons/shared';
