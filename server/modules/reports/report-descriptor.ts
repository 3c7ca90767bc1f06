import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Permission } from '../../../core/roles.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/actor.js';
import { actorOf } from '../../http/authenticate.js';
import { attachmentHeader } from '../../lib/files.js';

/**
 * A report is a small descriptor (docs/ARCHITECTURE.md "Reports are small descriptors"): its
 * parameters (a zod schema), who may run it, how it computes, and how it renders. One generic
 * registration serves every descriptor as JSON (`GET /api/reports/<id>`) and as files
 * (`GET /api/reports/<id>/export?format=xlsx|docx`). The monthly 附件2 form, the 通报 and the
 * assessment are its users.
 */
export interface ReportDescriptor<P extends z.ZodObject = z.ZodObject, R = unknown> {
  id: string;
  title: string;
  params: P;
  permission: Permission | Permission[];
  compute(db: Db, actor: Actor, params: z.infer<P>): Promise<R>;
  render: { xlsx?: (result: R) => Promise<Buffer>; docx?: (result: R) => Promise<Buffer> };
  fileName(result: R): string;
}

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type Format = keyof typeof MIME;

export function defineReport<P extends z.ZodObject, R>(d: ReportDescriptor<P, R>): ReportDescriptor<P, R> {
  return d;
}

/** Computes and renders a descriptor to a file; the caller sends it. */
export async function renderReport<P extends z.ZodObject, R>(d: ReportDescriptor<P, R>, db: Db, actor: Actor, params: z.infer<P>, format: Format) {
  const render = d.render[format];
  if (!render) throw new Error(`report ${d.id} has no ${format} rendering`);
  const result = await d.compute(db, actor, params);
  return { body: await render(result), fileName: `${d.fileName(result)}.${format}`, mime: MIME[format] };
}

/** Registers the generic JSON and export routes of each descriptor (each with its own access rule). */
export function registerReports(app: FastifyInstance, db: Db, descriptors: readonly ReportDescriptor[]) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const d of descriptors) {
    const formats = Object.keys(d.render) as Format[];
    r.get(
      `/api/reports/${d.id}/export`,
      {
        config: { permission: d.permission },
        schema: { tags: ['reports'], summary: `${d.title}（导出 ${formats.join('/')}）`, querystring: d.params.extend({ format: z.enum(formats as [Format, ...Format[]]).default(formats[0] as Format) }) },
      },
      async (request, reply) => {
        const { format, ...params } = request.query as { format: Format } & Record<string, unknown>;
        const file = await renderReport(d, db, actorOf(request), params as z.infer<typeof d.params>, format);
        return reply.header('content-type', file.mime).header('content-disposition', attachmentHeader(file.fileName)).send(file.body);
      },
    );
  }
}
