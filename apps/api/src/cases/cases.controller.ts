import { Body, Controller, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticatedUser.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { CurrentActor } from '../common/currentActor.js';
import { IdempotencyKey, IfMatchVersion } from '../common/requestHeaders.js';
import { UuidParamPipe } from '../common/uuidParam.pipe.js';
import { CaseHeadersInterceptor } from './caseHeaders.interceptor.js';
import { CaseRunner } from './caseRunner.js';
import { CasesService } from './cases.service.js';
import { ListCasesQuery } from './dto/list-cases.query.js';
import { SendEventDto } from './dto/send-event.dto.js';
import { PersonalDataRequestDto } from './dto/personal-data-request.dto.js';
import { FlowInputValidator } from './flowInputValidator.js';
import { viewForCaller } from './viewForCaller.js';

@ApiTags('cases')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/cases`)
@UseInterceptors(CaseHeadersInterceptor)
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly runner: CaseRunner,
    private readonly validator: FlowInputValidator,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Open a case on a flow (flows.md "Intake")' })
  @ApiBody({ schema: { $ref: '#/components/schemas/CaseIntake' } })
  @ApiResponse({ status: 201, description: 'the case at version 1; Location and ETag headers' })
  async open(@Body() body: unknown, @CurrentActor() actor: AuthenticatedUser) {
    const { flowId, intake } = await this.validator.intake(body);
    return viewForCaller(await this.runner.open(flowId, intake, actor), actor);
  }

  @Get()
  @ApiOperation({ summary: 'Cases, newest first, with keyset pagination' })
  list(@Query() query: ListCasesQuery, @CurrentActor() actor: AuthenticatedUser) {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A case: state, status, deadlines, allowed events, masked parties, linked cases' })
  get(@Param('id', UuidParamPipe) id: string, @CurrentActor() actor: AuthenticatedUser) {
    return this.cases.get(actor, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send an event to a case' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the case version you read, e.g. "3"; a stale one is refused with 412' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first answer and writes nothing' })
  async send(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: SendEventDto,
    @CurrentActor() actor: AuthenticatedUser,
    @IfMatchVersion() expectedVersion: number | undefined,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ) {
    const result = await this.runner.apply(id, dto, { actor, ...(expectedVersion === undefined ? {} : { expectedVersion }), ...(idempotencyKey ? { idempotencyKey } : {}) });
    return { ...result, view: viewForCaller(result.view, actor) };
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'The case’s audit trail, in order' })
  events(@Param('id', UuidParamPipe) id: string, @CurrentActor() actor: AuthenticatedUser) {
    return this.cases.events(actor, id);
  }

  @Post(':id/parties/:partyId/personal-data')
  @HttpCode(200)
  @ApiOperation({ summary: 'A party’s ID number and phone in full — for the case’s mediator or court; logged with who, when and why' })
  personalData(
    @Param('id', UuidParamPipe) id: string,
    @Param('partyId') partyId: string,
    @Body() dto: PersonalDataRequestDto,
    @CurrentActor() actor: AuthenticatedUser,
  ) {
    return this.cases.personalData(actor, id, partyId, dto.reason);
  }
}
