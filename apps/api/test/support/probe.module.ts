import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { Access, RequireAccess } from '../../src/auth/access.decorator';
import { IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

class ProbeAddressDto {
  @IsString()
  @MaxLength(50)
  district!: string;
}

class ProbeDto {
  @IsString()
  @MaxLength(2_000_000)
  name!: string;

  @IsInt()
  @Min(1)
  @Max(100)
  areaHa!: number;

  @ValidateNested()
  @Type(() => ProbeAddressDto)
  address!: ProbeAddressDto;
}

/**
 * Test-only route that exercises the global request pipeline (body limit, JSON parsing,
 * validation, problem details) independently of any feature's own rules.
 */
@Controller('test-probe')
@RequireAccess(Access.Public)
class ProbeController {
  @Post()
  @HttpCode(200)
  echo(@Body() body: ProbeDto): ProbeDto {
    return body;
  }

  @Post('crash')
  crash(): never {
    throw new Error('simulated defect with a secret stack');
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
