import { Injectable, OnApplicationBootstrap, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Access, ACCESS_METADATA } from './access.decorator';

export interface RouteAccess {
  method: string;
  path: string;
  access: Access | null;
  /** The class a whole JSON body is validated against (`@Body() dto: X`), when the route takes one. */
  body?: Type;
}

const GLOBAL_PREFIX = 'api';

function join(...parts: (string | undefined)[]): string {
  const path = parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');
  return `/${path}`;
}

function bodyType(controller: object, prototype: object, name: string): Type | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', prototype, name) ?? []) as Type[];
  const whole = Object.entries(args).find(([key, arg]) => key.startsWith(`${RouteParamtypes.BODY}:`) && !arg.data);
  return whole ? types[whole[1].index] : undefined;
}

/** Every HTTP route with what it requires; start-up fails if one declares nothing. */
@Injectable()
export class RouteAccessCatalog implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(): RouteAccess[] {
    const routes: RouteAccess[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype;
      if (!controller || !wrapper.instance) continue;
      const base = this.reflector.get<string | string[]>(PATH_METADATA, controller);
      const prototype = Object.getPrototypeOf(wrapper.instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        const path = this.reflector.get<string | string[] | undefined>(PATH_METADATA, handler);
        const method = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
        if (path === undefined || method === undefined) continue;
        const access =
          this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [handler, controller]) ?? null;
        const body = bodyType(controller, prototype, name);
        for (const b of [base].flat()) {
          for (const p of [path].flat())
            routes.push({ method: RequestMethod[method], path: join(GLOBAL_PREFIX, b, p), access, body });
        }
      }
    }
    return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }

  onApplicationBootstrap(): void {
    const undeclared = this.routes().filter((r) => r.access === null);
    if (undeclared.length) {
      throw new Error(
        `Routes without an access declaration: ${undeclared.map((r) => `${r.method} ${r.path}`).join(', ')}`,
      );
    }
  }
}
