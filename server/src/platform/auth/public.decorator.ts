import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'commons:isPublic';

/** Marks a resolver method anyone may call without signing in. Everything else needs a session. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
