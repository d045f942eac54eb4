import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { CurrentActor } from '../common/currentActor.js';
import { MeService } from './me.service.js';
import { responseRef } from '../openapi/responseSchemas.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/me`)
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @ApiOperation({
    summary: 'Who I am: user, role, organisation, and what my role may do (flows to open, events to send, admin pages)',
    description: 'Derived from the routes’ own role checks, so a console shows only what the service would allow.',
  })
  @ApiOkResponse({ description: '{ user, role, organization, permissions }', schema: responseRef('Me') })
  get(@CurrentActor() actor: AuthenticatedUser) {
    return this.me.describe(actor);
  }
}
