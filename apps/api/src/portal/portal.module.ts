import { Module } from '@nestjs/common';
import { RateLimiter } from '../auth/rate-limiter';
import { TokenHasher } from '../auth/token-hasher';
import { EventsModule } from '../events/events.module';
import { ItemsModule } from '../items/items.module';
import { LandEnquiriesModule } from '../land-enquiries/land-enquiries.module';
import { LoansModule } from '../loans/loans.module';
import { PortalAssignmentService } from './portal-assignment.service';
import { PortalFileSweeper } from './portal-file-sweeper';
import {
  PortalStaffController,
  PublicCatalogueController,
  PublicFormsController,
  PublicTrackingController,
} from './portal.controllers';
import { PortalMail } from './portal-mail';
import { PortalRepliesService } from './portal-replies.service';
import { PortalRepository } from './portal.repository';
import { PortalSubmissionsService } from './portal-submissions.service';
import { PortalThrottle } from './portal-throttle';
import { PortalTrackingService } from './portal-tracking.service';
import { TrackingTokens } from './tracking-tokens';

/** The investor portal's API: the public catalogue, forms and tracking link, and the staff side of it. */
@Module({
  imports: [ItemsModule, LandEnquiriesModule, LoansModule, EventsModule],
  controllers: [PublicCatalogueController, PublicFormsController, PublicTrackingController, PortalStaffController],
  providers: [
    PortalRepository,
    PortalAssignmentService,
    PortalSubmissionsService,
    PortalTrackingService,
    PortalRepliesService,
    PortalMail,
    PortalFileSweeper,
    PortalThrottle,
    TrackingTokens,
    RateLimiter,
    TokenHasher,
  ],
})
export class PortalModule {}
