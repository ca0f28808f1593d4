import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { RequestContextInterceptor } from '../common/request-context.interceptor';
import { PasswordHasher } from '../users/password-hasher';
import { UserDirectoryController } from '../users/user-directory.controller';
import { UserDirectoryService } from '../users/user-directory.service';
import { UsersController } from '../users/users.controller';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { AccountLinksService } from './account-links.service';
import { AccountTokensController } from './account-tokens.controller';
import { AccountTokensRepository } from './account-tokens.repository';
import { ApiTokensService } from './api-tokens.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { PasswordPolicy } from './password-policy';
import { RateLimiter } from './rate-limiter';
import { RouteAccessCatalog } from './route-access.catalog';
import { TokenHasher } from './token-hasher';

/**
 * Users, sign-in sessions, API tokens, invitation and password reset links, and the guard that checks every route. One module:
 * user administration ends sessions, and sign-in reads users.
 */
@Module({
  imports: [DiscoveryModule],
  controllers: [AuthController, UsersController, UserDirectoryController, AccountTokensController],
  providers: [
    AuthService,
    AccountLinksService,
    AccountTokensRepository,
    ApiTokensService,
    AuthRepository,
    TokenHasher,
    RateLimiter,
    PasswordPolicy,
    RouteAccessCatalog,
    UsersService,
    UsersRepository,
    UserDirectoryService,
    PasswordHasher,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
  ],
  exports: [RouteAccessCatalog, UsersRepository],
})
export class IdentityModule {}
