import { Body, Controller, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
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
import { eventExamples } from '../openapi/eventSchemas.js';
import { intakeExamples } from '../openapi/intakeSchema.js';
import { ApiProblems } from '../openapi/problems.js';
import { responseRef } from '../openapi/responseSchemas.js';

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
  @ApiOperation({
    summary: 'Open a case on a flow (flows.md "Intake")',
    description:
      'The body is the flow’s intake schema (`CaseIntake`, told apart by `flow`). Reception opens cases at its ' +
      'organisation or below; the flow’s opening rules answer 422 with their article.',
  })
  @ApiBody({ schema: { $ref: '#/components/schemas/CaseIntake' }, examples: intakeExamples() })
  @ApiResponse({
    status: 201,
    description: 'the case at version 1; Location and ETag headers',
    schema: responseRef('CaseView'),
  })
  @ApiProblems(403, 404, 422)
  async open(@Body() body: unknown, @CurrentActor() actor: AuthenticatedUser) {
    const { flowId, intake } = await this.validator.intake(body);
    return viewForCaller(await this.runner.open(flowId, intake, actor), actor);
  }

  @Get()
  @ApiOperation({
    summary: 'Cases, newest first, with keyset pagination',
    description: 'Only the cases in your scope: your organisation and below (a court: the cases before it).',
  })
  @ApiOkResponse({ description: 'one page; `nextCursor` fetches the next', schema: responseRef('CasePage') })
  list(@Query() query: ListCasesQuery, @CurrentActor() actor: AuthenticatedUser) {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A case: state, status, deadlines, allowed events, masked parties, linked cases',
    description: 'The `ETag` header carries the version, for `If-Match` on the next event.',
  })
  @ApiOkResponse({ description: 'the case', schema: responseRef('CaseView') })
  @ApiProblems(404)
  get(@Param('id', UuidParamPipe) id: string, @CurrentActor() actor: AuthenticatedUser) {
    return this.cases.get(actor, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'cases.sendEvent',
    summary: 'Send an event to a case',
    description:
      'The body is one of the case’s flow’s events (`CaseEvent`: one schema per flow and event type, told apart by ' +
      '`type`). The state must accept the event (else 409 with `allowedEvents`), your role must be one that sends ' +
      'it (403), and its legal rules must hold (422 with `rule` and `basis`).',
  })
  @ApiBody({ schema: { $ref: '#/components/schemas/CaseEvent' }, examples: eventExamples() })
  @ApiOkResponse({
    description:
      'the case after the event (`Idempotent-Replayed: true` when a retry was answered from the first request)',
    schema: responseRef('CaseView'),
  })
  @ApiProblems(403, 404, 409, 412, 422)
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'the case version you read, e.g. "3"; a stale one is refused with 412',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a retry with the same key returns the first answer and writes nothing',
  })
  async send(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: SendEventDto,
    @CurrentActor() actor: AuthenticatedUser,
    @IfMatchVersion() expectedVersion: number | undefined,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ) {
    const result = await this.runner.apply(id, dto, {
      actor,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    return { ...result, view: viewForCaller(result.view, actor) };
  }

  @Get(':id/events')
  @ApiOperation({
    summary: 'The case’s audit trail, in order',
    description: 'Every event with who sent it and when; personal data in payloads is masked.',
  })
  @ApiOkResponse({ description: 'the trail, oldest first', schema: responseRef('CaseTrail') })
  @ApiProblems(404)
  events(@Param('id', UuidParamPipe) id: string, @CurrentActor() actor: AuthenticatedUser) {
    return this.cases.events(actor, id);
  }

  @Post(':id/parties/:partyId/personal-data')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A party’s ID number and phone in full — for the case’s mediator or court; logged with who, when and why',
    description: 'PIPL Arts. 28, 51: the reason is kept in the access log.',
  })
  @ApiOkResponse({ description: 'the party’s personal data in full', schema: responseRef('PersonalData') })
  @ApiProblems(403, 404)
  personalData(
    @Param('id', UuidParamPipe) id: string,
    @Param('partyId') partyId: string,
    @Body() dto: PersonalDataRequestDto,
    @CurrentActor() actor: AuthenticatedUser,
  ) {
    return this.cases.personalData(actor, id, partyId, dto.reason);
  }
}
