import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateOrganizationDto } from './dto/create-organization.dto.js';
import { OrganizationsService } from './organizations.service.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentActor } from '../common/currentActor.js';
import { responseRef } from '../openapi/responseSchemas.js';
import { ApiProblems } from '../openapi/problems.js';

@ApiTags('organizations')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/organizations`)
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({
    summary: 'The organisation tree: centres by level, with the bodies attached to them',
    description: 'City, district, street and community centres (矛盾纠纷调处化解中心), with the committees, courts, petition offices and departments attached to them.',
  })
  @ApiOkResponse({ description: 'roots with nested children', schema: { type: 'array', items: responseRef('OrganizationNode') } })
  tree() {
    return this.organizations.tree();
  }

  @Post()
  @Roles('admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add an organisation under a centre', description: 'Below your own organisation only (admin); its short name goes into its case numbers, which never collide.' })
  @ApiCreatedResponse({ description: 'the organisation', schema: responseRef('Organization') })
  @ApiProblems(403, 404)
  create(@Body() dto: CreateOrganizationDto, @CurrentActor() actor: AuthenticatedUser) {
    return this.organizations.create(dto, actor);
  }
}
