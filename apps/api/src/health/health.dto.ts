import { ApiProperty } from '@nestjs/swagger';
import type { CheckStatus, HealthResponse } from '@irm/contracts';

class HealthChecksDto {
  @ApiProperty({ enum: ['up', 'down'] })
  database!: CheckStatus;

  @ApiProperty({ enum: ['up', 'down'] })
  redis!: CheckStatus;
}

export class HealthResponseDto implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] })
  status!: 'ok' | 'error';

  @ApiProperty({ type: HealthChecksDto })
  checks!: HealthChecksDto;
}
