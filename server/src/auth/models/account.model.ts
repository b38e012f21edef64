import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "The viewer's account security: two-factor sign-in." })
export class AccountSecurity {
  @Field() twoFactorEnabled: boolean;
  @Field(() => Date, { nullable: true }) twoFactorEnabledAt: Date | null;
  @Field(() => Int, { description: 'Recovery codes not used yet.' }) recoveryCodesLeft: number;
}

@ObjectType({
  description: 'A new two-factor secret, to add to an authenticator app; on once a code from it is confirmed.',
})
export class TwoFactorEnrolment {
  @Field({ description: 'The secret in base32, to type in by hand.' }) secret: string;
  @Field({ description: 'The otpauth:// URI the QR code holds.' }) otpauthUri: string;
  @Field({ description: 'The QR code, as an SVG document.' }) qrSvg: string;
}
