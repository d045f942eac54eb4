import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { API_PREFIX } from '../common/apiPrefix.js';
import { DATABASE_RETRY_AFTER_SECONDS } from '../common/databaseUnavailable.js';
import { Public } from '../auth/public.decorator.js';
import { responseRef } from '../openapi/responseSchemas.js';

const DATABASE_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(['health', `${API_PREFIX}/health`])
  @Public()
  @ApiOperation({
    operationId: 'health.check',
    summary: 'Liveness, and whether the database answers (503 when it does not)',
    description: 'No token needed; also at `/health` for load balancers. The database gets 2 seconds to answer.',
  })
  @ApiOkResponse({ description: 'up, and the database answers', schema: responseRef('Health') })
  @ApiResponse({
    status: 503,
    description: 'up, but the database does not answer (`Retry-After` set)',
    schema: responseRef('Health'),
  })
  async health(@Res({ passthrough: true }) response: Response) {
    const database = await this.databaseUp();
    if (!database) response.status(503).setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    return { status: database ? 'ok' : 'degraded', database: database ? 'up' : 'down' };
  }

  private async databaseUp(): Promise<boolean> {
    const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, DATABASE_TIMEOUT_MS, false).unref());
    const query = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    return Promise.race([query, timeout]);
  }
}
