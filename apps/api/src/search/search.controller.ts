import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { SearchResults } from '@irm/contracts';
import { Access, RequireAccess } from '../auth/access.decorator';
import { SearchQueryDto, SearchResultsDto } from './search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: SearchResultsDto, description: 'Investors, contacts and zones matching the words' })
  find(@Query() query: SearchQueryDto): Promise<SearchResults> {
    return this.search.search(query.q, query.limit);
  }
}
