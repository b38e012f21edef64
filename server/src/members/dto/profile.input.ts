import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ProfileInput {
  @Field() name: string;
  @Field(() => String, { nullable: true }) pronouns?: string | null;
  @Field({ defaultValue: '' }) bio: string;
  @Field(() => [String], { defaultValue: [] }) interests: string[];
  @Field(() => String, { nullable: true, description: 'en or sv; null follows the browser.' }) locale?: string | null;
}
