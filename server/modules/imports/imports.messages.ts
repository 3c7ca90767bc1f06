import type { MessageKindDef } from '../messages/publish.js';

/** Imports tell whoever started them how they ended. */
export const importMessageKinds: Record<string, MessageKindDef> = {
  'import.finished': {
    label: '导入完成',
    title: '导入完成：{name}',
    body: '{name} 已导入：新增 {created} 条，更新 {updated} 条。',
  },
  'import.failed': {
    label: '导入失败',
    title: '导入失败：{name}',
    body: '{name} 导入失败：{error}',
  },
};
