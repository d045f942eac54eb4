import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { Roles } from '../auth/roles.decorator.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { CurrentActor } from '../common/currentActor.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/users`)
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Users of your organisation and below (admin)' })
  list(@CurrentActor() actor: AuthenticatedUser) {
    return this.users.list(actor);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a user at your organisation or below (admin)' })
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: AuthenticatedUser) {
    return this.users.create(actor, dto);
  }
}
