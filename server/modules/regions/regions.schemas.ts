import { z } from 'zod';
import { REGION_LEVELS } from '../../../core/org.js';
import { REGION_CODE_RE } from '../../../core/validation.js';
import type { RegionRow } from './regions.repository.js';

export const regionSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentId: z.number().nullable(),
  path: z.string(),
  codeSource: z.string(),
  sortOrder: z.number(),
  childCount: z.number().optional(),
});
export type RegionDto = z.infer<typeof regionSchema>;

export function presentRegion(row: RegionRow, childCount?: number): RegionDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level as RegionDto['level'],
    parentId: row.parentId,
    path: row.path,
    codeSource: row.codeSource,
    sortOrder: row.sortOrder,
    ...(childCount === undefined ? {} : { childCount }),
  };
}

export const createRegionBody = z.object({
  parentCode: z.string().min(1, '请选择上级区划'),
  name: z.string().trim().min(2, '名称至少 2 个字').max(60, '名称不超过 60 个字'),
  code: z.string().trim().toUpperCase().regex(REGION_CODE_RE, '编码只能包含数字、大写字母和连字符，2–32 位').optional(),
  sortOrder: z.number().int().optional(),
});

export const updateRegionBody = z.object({
  name: z.string().trim().min(2, '名称至少 2 个字').max(60, '名称不超过 60 个字').optional(),
  sortOrder: z.number().int().optional(),
});

export const moveRegionBody = z.object({ newParentCode: z.string().min(1, '请选择新的上级区划') });
