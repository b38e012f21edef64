import { registerEnumType } from '@nestjs/graphql';
import { Role } from '../../generated/prisma/enums';

registerEnumType(Role, { name: 'Role', description: 'What a member does in a network; decides what they may do.' });

export { Role };
