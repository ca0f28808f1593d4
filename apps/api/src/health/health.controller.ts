import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthResponse } from '@irm/contracts';
import type { FastifyReply } from 'fastify';
import { Access, RequireAccess } from '../auth/access.decorator';
import { HealthResponseDto } from './health.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @RequireAccess(Access.Public)
  @ApiOkResponse({ type: HealthResponseDto, description: 'Database and Redis answer.' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'At least one dependency is down.' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const result = await this.health.check();
    void reply.status(result.status === 'ok' ? 200 : 503).header('cache-control', 'no-store');
    return result;
  }
}
// touch
