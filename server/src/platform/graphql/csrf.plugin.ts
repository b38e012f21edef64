import type { ApolloServerPlugin } from '@apollo/server';
import { CSRF_HEADER } from '../http/origin-check';
import { AppError } from './app-error';

/** CSRF defence, part two: every mutation must carry the x-commons-csrf header. */
export const csrfHeaderPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, operation }) {
        if (operation?.operation === 'mutation' && !request.http?.headers.get(CSRF_HEADER)) {
          throw new AppError('FORBIDDEN', `Mutations must send the ${CSRF_HEADER} header.`);
        }
      },
    };
  },
};
