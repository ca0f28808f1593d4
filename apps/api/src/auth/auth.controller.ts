import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CSRF_COOKIE, LoginResponse, Me, SESSION_COOKIE } from '@irm/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { UsersService } from '../users/users.service';
import { AccountLinksService } from './account-links.service';
import { Access, RequireAccess } from './access.decorator';
import {
  ApiTokenListDto,
  ChangePasswordDto,
  CreateApiTokenDto,
  CreatedApiTokenDto,
  LoginDto,
  LoginResponseDto,
  MeDto,
  PasswordResetRequestDto,
  SetPasswordWithTokenDto,
  UpdateProfileDto,
} from './auth.dto';
import { AuthService, NewSession, toMe } from './auth.service';
import { ApiTokensService } from './api-tokens.service';
import type { Principal } from './principal';
import { CurrentPrincipal } from './request-principal';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: ApiTokensService,
    private readonly users: UsersService,
    private readonly accountLinks: AccountLinksService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @RequireAccess(Access.Public)
  @ApiOkResponse({ type: LoginResponseDto, description: 'Sets the session cookie and the CSRF cookie' })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password (one answer for both)' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this account or address' })
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const previous = request.principal;
    const session = await this.auth.login(body.email, body.password, request.headers['user-agent'] ?? null);
    return this.signIn(previous, session, reply);
  }

  @Post('invitation/accept')
  @HttpCode(200)
  @RequireAccess(Access.Public)
  @ApiOkResponse({
    type: LoginResponseDto,
    description: 'Password set, link used up; signed in (session and CSRF cookies) as after a sign-in',
  })
  @ApiNotFoundResponse({ description: 'Unknown link' })
  @ApiGoneResponse({ description: 'Link expired (`link_expired`), used (`link_used`) or replaced (`link_replaced`)' })
  @ApiUnprocessableEntityResponse({ description: 'The password breaks the password policy' })
  async acceptInvitation(
    @Body() body: SetPasswordWithTokenDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const previous = request.principal;
    const session = await this.accountLinks.acceptInvitation(
      body.token,
      body.password,
      request.headers['user-agent'] ?? null,
    );
    return this.signIn(previous, session, reply);
  }

  @Post('password-reset')
  @HttpCode(202)
  @RequireAccess(Access.Public)
  @ApiAcceptedResponse({
    description: 'Always, whatever the address: an active account with it gets a reset link by email',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this address' })
  async requestPasswordReset(@Body() body: PasswordResetRequestDto): Promise<void> {
    await this.accountLinks.requestPasswordReset(body.email);
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @RequireAccess(Access.Public)
  @ApiNoContentResponse({ description: 'Password set, link used up, every session of the account ended' })
  @ApiNotFoundResponse({ description: 'Unknown link' })
  @ApiGoneResponse({ description: 'Link expired (`link_expired`), used (`link_used`) or replaced (`link_replaced`)' })
  @ApiUnprocessableEntityResponse({ description: 'The password breaks the password policy' })
  confirmPasswordReset(@Body() body: SetPasswordWithTokenDto): Promise<void> {
    return this.accountLinks.confirmPasswordReset(body.token, body.password);
  }

  /** Sets the cookies of a new session; the browser's previous session (a new session id every time) ends. */
  private async signIn(previous: Principal | null, session: NewSession, reply: FastifyReply): Promise<LoginResponse> {
    if (previous?.via === 'session') await this.auth.logout(previous);
    const cookie = {
      path: '/',
      sameSite: 'lax' as const,
      secure: this.config.secureCookies,
      maxAge: this.config.SESSION_ABSOLUTE_HOURS * 3600,
    };
    void reply.setCookie(SESSION_COOKIE, session.token, { ...cookie, httpOnly: true });
    void reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookie, httpOnly: false });
    return session.response;
  }

  @Post('logout')
  @HttpCode(204)
  @RequireAccess(Access.User)
  @ApiNoContentResponse({ description: 'Session revoked on the server; cookies cleared' })
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(principal);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    void reply.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  @Get('me')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): Me {
    return toMe(principal);
  }

  @Patch('me')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: MeDto })
  async updateMe(@CurrentPrincipal() principal: Principal, @Body() body: UpdateProfileDto): Promise<Me> {
    const user = await this.users.updateProfile(principal, body);
    return toMe({ ...principal, name: user.name, language: user.language });
  }

  @Post('password')
  @HttpCode(204)
  @RequireAccess(Access.User)
  @ApiNoContentResponse({ description: 'Changed; every other session of this account ends' })
  changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(principal, body.currentPassword, body.newPassword);
  }

  @Get('tokens')
  @RequireAccess(Access.User)
  @ApiOkResponse({ type: ApiTokenListDto })
  async listTokens(@CurrentPrincipal() principal: Principal): Promise<ApiTokenListDto> {
    return { items: await this.tokens.list(principal) };
  }

  @Post('tokens')
  @RequireAccess(Access.User)
  @ApiCreatedResponse({ type: CreatedApiTokenDto, description: 'The token is in this response only' })
  createToken(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    return this.tokens.create(principal, body.name);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @RequireAccess(Access.User)
  @ApiNoContentResponse()
  revokeToken(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.tokens.revoke(principal, id);
  }
}
