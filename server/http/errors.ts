import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import './zod-locale.js';

/**
 * One error shape for the whole API: { error: { code, message, details?, requestId } }.
 * Validation failures are always 422 VALIDATION_FAILED with details.fields naming every field.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', 404, `${what}不存在或不在您的管辖范围内`);
export const forbidden = (message = '没有执行此操作的权限') => new AppError('FORBIDDEN', 403, message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', 409, message, details);
/** An action not allowed in the record's current state (state machines). */
export const invalidState = (message: string, details?: Record<string, unknown>) =>
  new AppError('INVALID_STATE', 409, message, details);

/** Field errors keyed by field path ("contacts.0.phone"); every field, not just the first. */
export function validationFailed(fields: Record<string, string>, message = '提交的内容有误，请按提示修改') {
  return new AppError('VALIDATION_FAILED', 422, message, { fields });
}

function fieldsFromZod(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Finds a PostgreSQL error (SQLSTATE) whether raised directly or wrapped by drizzle. */
function pgError(err: unknown): { code: string; constraint?: string; detail?: string } | null {
  let e: unknown = err;
  for (let i = 0; i < 3 && e; i++) {
    const candidate = e as { code?: unknown; constraint?: string; detail?: string; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return { code: candidate.code, constraint: candidate.constraint, detail: candidate.detail };
    }
    e = candidate.cause;
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const requestId = request.id;
    const send = (status: number, code: string, message: string, details?: Record<string, unknown>) =>
      reply.status(status).send({ error: { code, message, ...(details ? { details } : {}), requestId } });

    if (err instanceof AppError) return send(err.status, err.code, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      for (const v of err.validation) {
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const key = path || (v.params as { missingProperty?: string })?.missingProperty || '_';
        fields[key] ??= v.message ?? '无效';
      }
      return send(422, 'VALIDATION_FAILED', '提交的内容有误，请按提示修改', { fields, in: err.validationContext });
    }
    if (err instanceof ZodError) return send(422, 'VALIDATION_FAILED', '提交的内容有误，请按提示修改', { fields: fieldsFromZod(err) });
    if (err.statusCode === 429) return send(429, 'RATE_LIMITED', '操作过于频繁，请稍后再试');
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型');
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
      return send(400, 'BAD_REQUEST', '请求体不是有效的 JSON');
    if (err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return send(413, 'PAYLOAD_TOO_LARGE', '文件或请求过大');
    if (err.code?.startsWith('FST_') && err.statusCode && err.statusCode < 500) {
      return send(err.statusCode, 'BAD_REQUEST', err.message);
    }
    const pg = pgError(err);
    if (pg?.code === '23505') return send(409, 'CONFLICT', '记录已存在（唯一性冲突）', { constraint: pg.constraint });
    if (pg?.code === '23503') return send(422, 'REFERENCE_INVALID', '引用的记录不存在', { constraint: pg.constraint });
    if (pg?.code === '23514') return send(422, 'CHECK_FAILED', '数据不满足约束', { constraint: pg.constraint });
    if (pg?.code === '40001' || pg?.code === '40P01') return send(503, 'RETRY', '系统繁忙，请重试');
    request.log.error({ err }, 'unhandled error');
    return send(500, 'INTERNAL', '服务器内部错误，请联系管理员并提供请求编号');
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: '请求的地址不存在', requestId: request.id } });
  });
}
