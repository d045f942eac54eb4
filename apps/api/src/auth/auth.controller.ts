import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_PREFIX } from '../common/apiPrefix.js';
import { AuthService } from './auth.service.js';
import { SignInDto } from './dto/sign-in.dto.js';
import { Public } from './public.decorator.js';
import { responseRef } from '../openapi/responseSchemas.js';
import { ApiProblems } from '../openapi/problems.js';

@ApiTags('auth')
@Controller(`${API_PREFIX}/auth`)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with a password; returns a short-lived bearer token (rate-limited)',
    description:
      'Send the token as `Authorization: Bearer …`. A wrong username or password is 401; too many attempts from one ' +
      'address or for one user, 429.',
  })
  @ApiOkResponse({ description: 'the bearer token and its lifetime', schema: responseRef('AccessToken') })
  @ApiProblems(401, 429)
  token(@Body() dto: SignInDto, @Ip() address: string) {
    return this.auth.signIn(dto.username, dto.password, address);
  }
}
