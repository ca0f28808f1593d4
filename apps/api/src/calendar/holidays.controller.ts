import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Holiday } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import { HolidayDateParamDto, HolidayDto, HolidayListQueryDto } from './holidays.dto';
import { HolidaysService } from './holidays.service';

@ApiTags('calendar')
@Controller('holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: [HolidayDto], description: 'Days off besides weekends, which SLAs skip' })
  list(@Query() query: HolidayListQueryDto): Promise<Holiday[]> {
    return this.holidays.list(query.year);
  }

  @Post()
  @RequireAccess(Access.Manager)
  @ApiCreatedResponse({ type: HolidayDto })
  @ApiConflictResponse({ description: 'The date is already a holiday' })
  add(@Body() body: HolidayDto): Promise<Holiday> {
    return this.holidays.add(body);
  }

  @Delete(':date')
  @HttpCode(204)
  @RequireAccess(Access.Manager)
  @ApiNoContentResponse()
  remove(@Param() params: HolidayDateParamDto): Promise<void> {
    return this.holidays.remove(params.date);
  }
}
