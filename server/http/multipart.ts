import type { FastifyRequest } from 'fastify';
import { validationFailed } from './errors.js';

export interface UploadedFile {
  fieldName: string;
  fileName: string;
  buffer: Buffer;
}

/**
 * Reads the uploaded files of a multipart request into memory (the size limit of
 * @fastify/multipart applies: an oversized file is a 413). Non-file fields are returned as text.
 * A request that is not multipart, or has no file in `field`, is a 422 naming the field.
 */
export async function readMultipart(
  request: FastifyRequest,
  opts: { field?: string; maxFiles?: number } = {},
): Promise<{ files: UploadedFile[]; fields: Record<string, string> }> {
  const field = opts.field ?? 'file';
  if (!request.isMultipart()) throw validationFailed({ [field]: '请以 multipart/form-data 方式上传文件（字段名 file）' });
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      if (part.fieldname !== field) continue;
      files.push({ fieldName: part.fieldname, fileName: part.filename, buffer });
      if (opts.maxFiles && files.length > opts.maxFiles) throw validationFailed({ [field]: `一次最多上传 ${opts.maxFiles} 个文件` });
    } else {
      fields[part.fieldname] = String(part.value ?? '');
    }
  }
  if (!files.length) throw validationFailed({ [field]: '请选择要上传的文件' });
  return { files, fields };
}
