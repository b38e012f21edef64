import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class SignInInput {
  @Field() email: string;
  @Field() password: string;
}

@InputType()
export class RegisterInput {
  @Field({ description: 'The token from the invitation link.' }) token: string;
  @Field() email: string;
  @Field() name: string;
  @Field() password: string;
}
