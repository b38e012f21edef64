import { Injectable } from '@nestjs/common';
import { MemberRepository } from './member.repository';
import { UserRepository } from './user.repository';

/**
 * Users and their memberships as other capabilities write them: signing in, accepting an
 * invitation, the first-run setup. No access checks here: the callers make them.
 */
@Injectable()
export class MemberAccountsService {
  constructor(
    private readonly users: UserRepository,
    private readonly members: MemberRepository,
  ) {}

  /** The one read of a password hash, for signing in. */
  findCredentials(...args: Parameters<UserRepository['findCredentials']>) {
    return this.users.findCredentials(...args);
  }

  findProfile(...args: Parameters<UserRepository['findProfile']>) {
    return this.users.findProfile(...args);
  }

  emailTaken(...args: Parameters<UserRepository['emailTaken']>) {
    return this.users.emailTaken(...args);
  }

  createUser(...args: Parameters<UserRepository['create']>) {
    return this.users.create(...args);
  }

  /** `userId`'s membership of `networkId` (active or not), or null. */
  membership(...args: Parameters<MemberRepository['find']>) {
    return this.members.find(...args);
  }

  createMembership(...args: Parameters<MemberRepository['create']>) {
    return this.members.create(...args);
  }

  updateMembership(...args: Parameters<MemberRepository['update']>) {
    return this.members.update(...args);
  }
}
