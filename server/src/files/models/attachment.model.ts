import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A file attached to a resource.' })
export class Attachment {
  @Field(() => ID) id: string;
  @Field({ description: 'The name to show and to save as (a label only; files are stored under generated keys).' })
  filename: string;
  @Field({ description: "The type the file's content was checked to be." }) contentType: string;
  @Field(() => Int, { description: 'Bytes.' }) size: number;
  @Field({ description: 'SHA-256 of the content, hex.' }) sha256: string;
  @Field(() => Int, { description: "The resource's version when it was attached." }) version: number;
  @Field(() => Int) downloadCount: number;
  @Field() createdAt: Date;
  @Field({ description: 'Where to download it (same origin, with the session cookie).' }) url: string;
  resourceId: string;
  uploadedById: string;
}
