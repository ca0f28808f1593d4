import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IMPORT_MAX_FILE_BYTES } from '@irm/contracts';
import type { Logger } from 'pino';
import { AppModule } from '../app.module';
import { AppException, ErrorCode } from '../common/app-exception';
import { createLogger, NestPinoLogger } from '../common/logger';
import { ProblemDetailsFilter, sendProblem } from '../common/problem-details.filter';
import { checkBodyValue, decodeBody } from '../common/request-body';
import { createValidationPipe } from '../common/validation';
import { AppConfig } from '../config/app-config';
import { mountQueueDashboard } from '../queue/queue-dashboard';

export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Public form and message bodies are small; anything bigger is refused before it is read. */
export const PUBLIC_BODY_LIMIT_BYTES = 32 * 1024;
/** Routes that also take a form-encoded body: mail clients post `List-Unsubscribe=One-Click` (RFC 8058). */
export const FORM_ROUTES: ReadonlySet<string> = new Set(['POST /api/public/unsubscribe/:token']);
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** The only routes that take multipart uploads; the rest keep answering 415 to them. */
const MULTIPART_ROUTES = new Set(['POST /api/imports', 'POST /api/public/track/:token/documents']);

/** Repository root, from source (tests) or from `dist/api/apps/api/src/bootstrap` (built). */
function repositoryRoot(): string {
  const fromSource = resolve(__dirname, '..', '..', '..', '..');
  return existsSync(join(fromSource, 'package.json')) ? fromSource : resolve(fromSource, '..', '..');
}

/**
 * Errors raised by Fastify itself (body parsing, size limit) are rendered directly, keeping
 * their codes; Nest would otherwise flatten them into a generic HttpException.
 */
class ProblemFastifyAdapter extends FastifyAdapter {
  override setErrorHandler(): ReturnType<FastifyAdapter['setErrorHandler']> {
    return super.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(error, request, reply),
    );
  }
}

export interface HttpApp {
  app: NestFastifyApplication;
  logger: Logger;
}

/** Builds the API exactly as production runs it; e2e tests call this too. */
export async function createHttpApp(config: AppConfig, extraModules: Type[] = []): Promise<HttpApp> {
  const logger = createLogger(config, 'api');
  const adapter = new ProblemFastifyAdapter({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Only behind a reverse proxy may X-Forwarded-For name the client (per-address sign-in limits rely on it).
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: false,
    // Addresses the router refuses (broken percent-encoding, an overlong parameter) get problem details too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => sendProblem(error, request, reply),
    // Accept a well-formed X-Request-Id from a proxy, otherwise mint one.
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, extraModules), adapter, {
    logger: new NestPinoLogger(logger),
    bufferLogs: true,
  });
  const fastify = app.getHttpAdapter().getInstance();

  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (
      request.method === 'POST' &&
      request.url.startsWith('/api/public/') &&
      !request.headers['content-type']?.startsWith('multipart/') &&
      Number(request.headers['content-length'] ?? 0) > PUBLIC_BODY_LIMIT_BYTES
    )
      throw publicFormTooLarge();
  });
  // The API speaks JSON only; other bodies get 415 (multipart is added where uploads are accepted).
  fastify.removeContentTypeParser('text/plain');
  registerBodyParsers(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: IMPORT_MAX_FILE_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
  });
  fastify.addHook('preValidation', async (request) => {
    if (request.isMultipart() && !MULTIPART_ROUTES.has(`${request.method} ${request.routeOptions.url}`))
      throw new AppException(ErrorCode.UnsupportedMediaType, 'Send JSON with Content-Type: application/json.');
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
  });

  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Investor Relations CRM API')
      .setDescription('Investors, land bank, pipelines and reminders of a provincial investment promotion agency.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  await mountQueueDashboard(app);
  serveWebApp(app, config);
  return { app, logger };
}

const publicFormTooLarge = () =>
  new AppException(ErrorCode.PayloadTooLarge, `Public forms take at most ${PUBLIC_BODY_LIMIT_BYTES / 1024} KB.`);

/** Public forms are small: a body streamed without a declared length is held to the same limit once read. */
function refuseOverPublicLimit(request: FastifyRequest, body: Buffer): void {
  if (request.url.startsWith('/api/public/') && body.length > PUBLIC_BODY_LIMIT_BYTES) throw publicFormTooLarge();
}

/**
 * JSON as Fastify parses it (prototype poisoning refused), but strict about text: bytes that are not UTF-8, NUL
 * characters, lone surrogates and absurd nesting are refused with 400 instead of reaching validation or the
 * database. Form bodies only where FORM_ROUTES allow them. Registering these keeps Nest from adding its own.
 */
function registerBodyParsers(app: NestFastifyApplication): void {
  const parseJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<Server>('application/json', { bodyLimit: BODY_LIMIT_BYTES }, (request, bytes, done) => {
    try {
      refuseOverPublicLimit(request, bytes);
      parseJson(request, decodeBody(bytes), (error, value) => {
        if (error) return done(error);
        try {
          checkBodyValue(value);
          done(null, value);
        } catch (invalid) {
          done(invalid as Error);
        }
      });
    } catch (error) {
      done(error as Error);
    }
  });
  app.useBodyParser<Server>(
    'application/x-www-form-urlencoded',
    { bodyLimit: BODY_LIMIT_BYTES },
    (request, bytes, done) => {
      try {
        if (!FORM_ROUTES.has(`${request.method} ${request.routeOptions.url}`))
          throw new AppException(ErrorCode.UnsupportedMediaType, 'Send JSON with Content-Type: application/json.');
        refuseOverPublicLimit(request, bytes);
        const value = Object.fromEntries(new URLSearchParams(decodeBody(bytes)));
        checkBodyValue(value);
        done(null, value);
      } catch (error) {
        done(error as Error);
      }
    },
  );
}

/** The investor portal's public pages (`/invest…`, and `/track/<token>` of the emailed links): a page of their own. */
const PORTAL_PAGES = /^\/(invest(\/|\?|$)|track\/)/;

/** Serves the built web app at `/`; client-side routes fall back to index.html, the portal's to portal.html. */
function serveWebApp(app: NestFastifyApplication, config: AppConfig): void {
  const root = config.WEB_DIST_DIR ? resolve(config.WEB_DIST_DIR) : join(repositoryRoot(), 'apps', 'web', 'dist');
  if (!existsSync(join(root, 'index.html'))) return;
  const hasPortal = existsSync(join(root, 'portal.html'));
  const fastify = app.getHttpAdapter().getInstance();
  void fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // The build writes .br and .gz beside each script, stylesheet and page (apps/web/vite.config.mts).
    preCompressed: true,
    setHeaders: (reply, path) => {
      // Names under assets/ carry a hash of their content: a browser may keep them for good.
      if (/[\\/]assets[\\/]/.test(path)) void reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  // Static files and API routes are more specific, so this only catches the rest.
  fastify.get('/*', (request, reply) => {
    if (request.url === '/api' || request.url.startsWith('/api/')) {
      sendProblem(new AppException(ErrorCode.NotFound, 'No resource exists at this address.'), request, reply);
      return;
    }
    const page = hasPortal && PORTAL_PAGES.test(request.url) ? 'portal.html' : 'index.html';
    void reply.header('cache-control', 'no-cache').sendFile(page);
  });
}
