import type { AuthUser, ScopeLevel } from '../../../common/src/auth.ts';

/** The logged-in user as every access decision sees it. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  roles: { key: string; name: string }[];
  permissions: ReadonlySet<string>;
  scope: ScopeLevel;
  regionId: number | null;
  regionCode: string | null;
  regionName: string | null;
  departmentId: number | null;
  departmentCode: string | null;
  departmentName: string | null;
  sessionHash: string;
  /** A one-time or expired password: until it is changed only /api/auth/me, /password and logout answer. */
  mustChangePassword?: boolean;
}

export function toAuthUser(a: Actor): AuthUser {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    roles: a.roles,
    scope: { level: a.scope, regionCode: a.regionCode, regionName: a.regionName, departmentCode: a.departmentCode, departmentName: a.departmentName },
    permissions: [...a.permissions].sort(),
    mustChangePassword: a.mustChangePassword ?? false,
  };
}
