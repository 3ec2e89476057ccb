/**
 * One summary line per request, written when the response finishes or the client leaves,
 * so no later middleware failure can skip it. It names the route template, never the URL:
 * URLs carry patient ids and query values.
 */
import type { RequestHandler } from 'express';
import type { Logger } from '../logging/logger.ts';

/** The logger is expected to carry the API's name already (a child logger). */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    let written = false;
    const write = (clientLeft: boolean) => {
      if (written || res.locals.warmup) return;
      written = true;
      const context = res.locals.context;
      logger.info({
        operationId: res.locals.operationId ?? null,
        method: req.method,
        route: res.locals.route ?? null,
        status: clientLeft && !res.writableFinished ? 499 : res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        correlationId: context?.correlationId,
        traceId: context?.traceId,
      }, 'request served');
    };
    res.on('finish', () => write(false));
    res.on('close', () => write(true));
    next();
  };
}
