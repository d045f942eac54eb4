import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FlowsService } from './flows.service.js';
import { API_PREFIX } from '../common/apiPrefix.js';
import { responseRef } from '../openapi/responseSchemas.js';
import { ApiProblems } from '../openapi/problems.js';

@ApiTags('flows')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/flows`)
export class FlowsController {
  constructor(private readonly flows: FlowsService) {}

  @Get()
  @ApiOperation({
    summary: 'Every flow (latest version): id, title, states and events',
    description: 'A case stays on the flow version it started on.',
  })
  @ApiOkResponse({ description: 'the flows', schema: { type: 'array', items: responseRef('FlowSummary') } })
  list() {
    return this.flows.list();
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One flow: states, transitions, events with payload schemas and senders, deadlines, rules, Mermaid diagram',
    description:
      'What a console needs to draw a case’s forms and timeline: each event’s JSON Schema (the same as in ' +
      '`CaseEvent`), its Chinese name and who sends it; each rule with its article.',
  })
  @ApiOkResponse({ description: 'the flow', schema: responseRef('FlowDetail') })
  @ApiProblems(404)
  get(@Param('id') id: string) {
    return this.flows.get(id);
  }
}
