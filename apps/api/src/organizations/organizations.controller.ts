import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CreateOrganizationDto } from './dto/create-organization.dto.js';
import { MoveOrganizationDto } from './dto/move-organization.dto.js';
import { OrganizationHistoryQuery } from './dto/organization-history.query.js';
import { UpdateOrganizationDto } from './dto/update-organization.dto.js';
import { UpdatePolicyDto } from './dto/update-policy.dto.js';
import { OrganizationAdminService } from './organizationAdmin.service.js';
import { OrganizationsService } from './organizations.service.js';
import { UuidParamPipe } from '../common/uuidParam.pipe.js';
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
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly admin: OrganizationAdminService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The organisation tree: centres by level, with the bodies attached to them',
    description:
      'City, district, street and community centres (矛盾纠纷调处化解中心), with the committees, courts, petition offices and ' +
      'departments attached to them.',
  })
  @ApiOkResponse({
    description: 'roots with nested children',
    schema: { type: 'array', items: responseRef('OrganizationNode') },
  })
  tree() {
    return this.organizations.tree();
  }

  @Post()
  @Roles('admin')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Add an organisation under a centre',
    description:
      'Below your own organisation only (admin); its short name goes into its case numbers, which never collide.',
  })
  @ApiCreatedResponse({ description: 'the organisation', schema: responseRef('Organization') })
  @ApiProblems(403, 404)
  create(@Body() dto: CreateOrganizationDto, @CurrentActor() actor: AuthenticatedUser) {
    return this.organizations.create(dto, actor);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'Rename an organisation, or deactivate / reactivate it (admin)',
    description:
      'At or below your own organisation. A deactivated organisation keeps its cases and history, but no case is ' +
      'opened at it or handed to it (422 ORGANIZATION_INACTIVE); deactivation is refused (409 ORGANIZATION_IN_USE) ' +
      'while it has open cases, active users or active organisations below it. ' +
      'Every change is kept in its history.',
  })
  @ApiOkResponse({ description: 'the organisation as changed', schema: responseRef('Organization') })
  @ApiProblems(403, 409, 422)
  update(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateOrganizationDto,
    @CurrentActor() actor: AuthenticatedUser,
  ) {
    return this.admin.update(actor, id, dto);
  }

  @Post(':id/move')
  @Roles('admin')
  @HttpCode(200)
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'Move an organisation and its subtree under another centre (admin)',
    description:
      'The subtree’s paths, and those of the cases and deadlines handled in it, change in one transaction; ' +
      'never into its own subtree (400 on parentId); placement as for adding.',
  })
  @ApiOkResponse({ description: 'the organisation in its new place', schema: responseRef('Organization') })
  @ApiProblems(403, 422)
  move(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: MoveOrganizationDto,
    @CurrentActor() actor: AuthenticatedUser,
  ) {
    return this.admin.move(actor, id, dto);
  }

  @Get(':id/policy')
  @Roles('admin', 'supervisor')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'An organisation’s configurable policies: its own, what applies there, the defaults',
    description:
      'Mediation period and other flow periods, the resolution target, the return-visit target and the stuck ' +
      'threshold (docs/centres.md "Policies").',
  })
  @ApiOkResponse({ description: 'the policy', schema: responseRef('OrganizationPolicy') })
  @ApiProblems(403)
  policy(@Param('id', UuidParamPipe) id: string, @CurrentActor() actor: AuthenticatedUser) {
    return this.admin.policy(actor, id);
  }

  @Put(':id/policy')
  @Roles('admin')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'Replace an organisation’s own configurable policy (admin); kept in its history with who and when',
    description:
      'Applies to cases opened or handed to it from now on; the running deadlines of its cases keep ' +
      'the period they started with.',
  })
  @ApiOkResponse({ description: 'the policy as changed', schema: responseRef('OrganizationPolicy') })
  @ApiProblems(403)
  setPolicy(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdatePolicyDto,
    @CurrentActor() actor: AuthenticatedUser,
  ) {
    return this.admin.setPolicy(actor, id, dto);
  }

  @Get(':id/history')
  @Roles('admin', 'supervisor')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'Who changed an organisation, what and when: renames, moves, deactivation, policy',
    description: 'Newest first; `change=policy` for the policy’s changes alone.',
  })
  @ApiOkResponse({ description: 'the changes, newest first', schema: responseRef('OrganizationHistory') })
  @ApiProblems(403)
  history(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: OrganizationHistoryQuery,
    @CurrentActor() actor: AuthenticatedUser,
  ) {
    return this.admin.history(actor, id, query.change);
  }
}
