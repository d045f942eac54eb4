import type { UserRole } from '../users/user.entity.js';

/** The caller, from a verified bearer token; set on the request by `AuthGuard`. */
export interface AuthenticatedUser {
  userId: string;
  username: string;
  role: UserRole;
  organizationId: string;
}
