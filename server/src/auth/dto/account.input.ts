import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ChangePasswordInput {
  @Field() currentPassword: string;
  @Field() newPassword: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field() email: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token from the reset link.' }) token: string;
  @Field() newPassword: string;
}

@InputType()
export class RequestEmailChangeInput {
  @Field() newEmail: string;
  @Field() currentPassword: string;
}

@InputType()
export class ConfirmEmailChangeInput {
  @Field({ description: 'The token from the confirmation link sent to the new address.' }) token: string;
}

@InputType()
export class EnableTwoFactorInput {
  @Field({ description: 'A 6-digit code from the authenticator app, for the secret of the enrolment.' }) code: string;
}

@InputType()
export class DisableTwoFactorInput {
  @Field() currentPassword: string;
  @Field({ description: 'A 6-digit code, or a recovery code.' }) code: string;
}

@InputType()
export class TwoFactorSignInInput {
  @Field({ description: 'The `challenge` of the TWO_FACTOR_REQUIRED error signIn answered with.' }) challenge: string;
  @Field({ description: 'A 6-digit code, or a recovery code.' }) code: string;
}
