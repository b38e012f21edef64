import { graphql } from '../gql';
import type { InvitationPreviewQuery } from '../gql/graphql';

/** What an invitation link offers, read before registering or joining. */
export const InvitationPreviewDocument = graphql(`
  query InvitationPreview($token: String!) {
    invitationPreview(token: $token) {
      email
      expiresAt
      networkName
      networkSlug
      role
      siteName
      status
    }
  }
`);

/** An invitation as its link shows it. */
export type InvitationPreview = InvitationPreviewQuery['invitationPreview'];
