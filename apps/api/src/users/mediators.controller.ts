import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { CurrentActor } from '../common/currentActor.js';
import { ApiProblems } from '../openapi/problems.js';
import { responseRef } from '../openapi/responseSchemas.js';
import { UsersService } from './users.service.js';

/**
 * The mediators a supervisor may name: whose open cases move in a bulk reassignment, and to whom
 * (POST /supervision/reassignments takes their ids). The same scope as GET /users, mediators only.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/mediators`)
@Roles('supervisor', 'admin')
export class MediatorsController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'Mediators of your organisation and below (supervisor, admin)',
    description:
      'For choosing whose cases move and to whom in a bulk reassignment; `disabled` mediators are listed too (their ' +
      'cases still need a new mediator).',
  })
  @ApiOkResponse({ description: 'the mediators', schema: { type: 'array', items: responseRef('User') } })
  @ApiProblems(403)
  async list(@CurrentActor() actor: AuthenticatedUser) {
    return (await this.users.list(actor)).filter((user) => user.role === 'mediator');
  }
}
