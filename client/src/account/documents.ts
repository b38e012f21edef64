import { graphql } from '../gql';

export const ChangePasswordDocument = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export const RequestPasswordResetDocument = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);

export const ResetPasswordDocument = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

export const RequestEmailChangeDocument = graphql(`
  mutation RequestEmailChange($input: RequestEmailChangeInput!) {
    requestEmailChange(input: $input)
  }
`);

export const ConfirmEmailChangeDocument = graphql(`
  mutation ConfirmEmailChange($input: ConfirmEmailChangeInput!) {
    confirmEmailChange(input: $input)
  }
`);

export const AccountSecurityDocument = graphql(`
  query AccountSecurity {
    accountSecurity {
      twoFactorEnabled
      twoFactorEnabledAt
      recoveryCodesLeft
    }
  }
`);

export const BeginTwoFactorDocument = graphql(`
  mutation BeginTwoFactorEnrolment {
    beginTwoFactorEnrolment {
      secret
      otpauthUri
      qrSvg
    }
  }
`);

export const EnableTwoFactorDocument = graphql(`
  mutation EnableTwoFactor($input: EnableTwoFactorInput!) {
    enableTwoFactor(input: $input)
  }
`);

export const DisableTwoFactorDocument = graphql(`
  mutation DisableTwoFactor($input: DisableTwoFactorInput!) {
    disableTwoFactor(input: $input)
  }
`);

export const CompleteTwoFactorSignInDocument = graphql(`
  mutation CompleteTwoFactorSignIn($input: TwoFactorSignInInput!) {
    completeTwoFactorSignIn(input: $input) {
      id
    }
  }
`);
