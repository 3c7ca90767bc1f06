import { z } from 'zod';

/** Every list is paginated in SQL: page is 1-based, pageSize at most 200. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export function limitOffset(q: PageQuery) {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}
