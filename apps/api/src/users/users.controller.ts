import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { CurrentActor } from '../common/currentActor.js';
import { UuidParamPipe } from '../common/uuidParam.pipe.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UsersService } from './users.service.js';
import { responseRef } from '../openapi/responseSchemas.js';
import { ApiProblems } from '../openapi/problems.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/users`)
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({
    summary: 'Users of your organisation and below (admin)',
    description: 'Never a password hash; `disabled` users cannot sign in.',
  })
  @ApiOkResponse({ description: 'the users', schema: { type: 'array', items: responseRef('User') } })
  @ApiProblems(403)
  list(@CurrentActor() actor: AuthenticatedUser) {
    return this.users.list(actor);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Add a user at your organisation or below (admin)',
    description: 'Passwords have 12 to 200 characters.',
  })
  @ApiCreatedResponse({ description: 'the user', schema: responseRef('User') })
  @ApiProblems(403)
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: AuthenticatedUser) {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'Disable a user, or change their role or organisation (admin); their tokens stop working at once',
    description:
      'Only users of your organisation or below, moved only within it; an administrator ' +
      'cannot lock themselves out (400).',
  })
  @ApiResponse({ status: 200, description: 'the user as changed', schema: responseRef('User') })
  @ApiProblems(403, 404)
  update(@Param('id', UuidParamPipe) id: string, @Body() dto: UpdateUserDto, @CurrentActor() actor: AuthenticatedUser) {
    return this.users.update(actor, id, dto);
  }
}
