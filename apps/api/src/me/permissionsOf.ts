import type { Type } from '@nestjs/common';
import { listFlows } from '@jiefen/flows';
import { Reflector } from '@nestjs/core';
import { mayOpenCase, maySendEvent } from '../auth/permissions.js';
import { ROLES } from '../auth/roles.decorator.js';
import { CalendarController } from '../calendar/calendar.controller.js';
import { ReportsController } from '../reports/reports.controller.js';
import { UsersController } from '../users/users.controller.js';
import { OrganizationsController } from '../organizations/organizations.controller.js';
import type { UserRole } from '../users/user.entity.js';

/** What a role may do, for a client to show only what will be accepted. */
export interface Permissions {
  /** Flows whose cases this role may open (`POST /cases`). */
  openFlows: string[];
  /** Per flow (latest version): the event types this role may send, whatever the state. */
  sendEvents: Record<string, string[]>;
  loadCalendarYears: boolean;
  manageUsers: boolean;
  addOrganizations: boolean;
  readReports: boolean;
}

const reflector = new Reflector();

/** Read from the routes' own `@Roles()`, so this never drifts from what the guard enforces. */
function routeAllows(role: UserRole, controller: Type<unknown>, handler?: (...args: never[]) => unknown): boolean {
  const roles = reflector.getAllAndOverride<UserRole[] | undefined>(
    ROLES,
    handler ? [handler, controller] : [controller],
  );
  return !roles || roles.includes(role);
}

export function permissionsOf(role: UserRole): Permissions {
  const flows = listFlows();
  return {
    openFlows: flows.filter((flow) => mayOpenCase(role, flow.id)).map((flow) => flow.id),
    sendEvents: Object.fromEntries(
      flows.map((flow) => [
        flow.id,
        Object.keys(flow.events).filter((type) => maySendEvent(role, flow.id, flow.version, type)),
      ]),
    ),
    loadCalendarYears: routeAllows(role, CalendarController, CalendarController.prototype.load),
    manageUsers: routeAllows(role, UsersController),
    addOrganizations: routeAllows(role, OrganizationsController, OrganizationsController.prototype.create),
    readReports: routeAllows(role, ReportsController),
  };
}
