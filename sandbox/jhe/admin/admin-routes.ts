/**
 * A small route table for the admin REST API under `/api/v1` (reference §5): every route
 * authenticates with a bearer token unless marked public, reads a snake-cased body and
 * query, and answers JSON or a DRF-shaped error. Methods a path does not take are DRF's 405,
 * after authentication as DRF orders it. Paths take no trailing slash (§1.1).
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { NOT_AUTHENTICATED, resolveCaller } from '../auth.ts';
import type { SandboxContext } from '../context.ts';
import { drfDetail, DrfError, sendDrfError } from '../drf-error.ts';
import type { Caller } from '../model.ts';
import { sendPlainJson } from '../outcome.ts';
import { QueryParams } from '../query-params.ts';
import { adminBody } from './request-body.ts';

/** Everything a handler reads. */
export interface AdminCall {
  ctx: SandboxContext;
  req: Request;
  /** Undefined only on public routes. */
  caller: Caller | undefined;
  query: QueryParams;
  body: Record<string, unknown>;
  params: Record<string, string>;
}

/** What a handler answers: a status and a JSON body (null for an empty 204). */
export interface AdminReply {
  status: number;
  body: unknown;
}

/** A route handler; errors are thrown as DrfError. */
export type AdminHandler = (call: AdminCall) => AdminReply | Promise<AdminReply>;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface RouteEntry {
  method: Method;
  handler: AdminHandler;
  isPublic: boolean;
}

/** Collects routes, then builds the Express router. */
export class AdminRoutes {
  private readonly paths = new Map<string, RouteEntry[]>();

  /** Registers a handler for `/api/v1/<path>`; `:name` segments become params. */
  on(method: Method, path: string, handler: AdminHandler, options = { isPublic: false }): this {
    const entries = this.paths.get(path) ?? [];
    entries.push({ method, handler, isPublic: options.isPublic });
    this.paths.set(path, entries);
    return this;
  }

  /** The Express router for every registered path. */
  build(ctx: SandboxContext): Router {
    const router = express.Router({ caseSensitive: true, strict: true });
    const raw = express.raw({ type: () => true, limit: '5mb' });
    for (const [path, entries] of this.paths) {
      router.all(`/api/v1/${path}`, raw, (req, res, next) => serve(ctx, entries, req, res, next));
    }
    return router;
  }
}

async function serve(
  ctx: SandboxContext, entries: RouteEntry[], req: Request, res: Response, next: NextFunction,
): Promise<void> {
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  const entry = entries.find((candidate) => candidate.method === method);
  try {
    const caller = resolveCaller(ctx, req);
    // An unmapped method has no action, so DRF applies the default IsAuthenticated first.
    if (!caller && !entry?.isPublic) throw drfDetail(401, NOT_AUTHENTICATED);
    if (!entry) throw drfDetail(405, `Method "${req.method}" not allowed.`);
    const call: AdminCall = {
      ctx, req, caller, query: QueryParams.fromUrl(req.originalUrl), body: adminBody(req),
      params: Object.fromEntries(Object.entries(req.params).map(([k, v]) => [k, String(v)])),
    };
    const reply = await entry.handler(call);
    if (reply.body === null) res.status(reply.status).end();
    else sendPlainJson(res, reply.status, reply.body);
  } catch (error) {
    if (error === NOT_THIS_ROUTE) return next();
    if (!(error instanceof DrfError)) throw error;
    if (error.status >= 500) ctx.logger.debug({ reason: error.message }, 'JHE sandbox 500');
    sendDrfError(res, error);
  }
}

/** Thrown by a handler whose path pattern matched but whose URL regex would not have. */
export const NOT_THIS_ROUTE = new Error('not this route');

/** The authenticated caller of a non-public route. */
export function callerOf(call: AdminCall): Caller {
  if (!call.caller) throw drfDetail(401, NOT_AUTHENTICATED);
  return call.caller;
}

/** A JSON reply. */
export function ok(body: unknown, status = 200): AdminReply {
  return { status, body };
}
