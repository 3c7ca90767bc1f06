import { z } from 'zod';

/*
 * Every validation message in Chinese (issue 14). zod 4 ships a zh-CN locale; on top of it the type
 * names it leaves in English ("期望 string") are translated, a missing value reads "请填写…", and
 * the field's label is taken from the schema when it has one (`.describe('联系电话')` or
 * `.meta({ title: '联系电话' })`). Messages written in a schema (`.min(1, '请输入用户名')`) still
 * win. Imported once by server/http/errors.ts, so it applies before any route is registered.
 */

const zhCN = z.locales.zhCN().localeError;

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  integer: '整数',
  bigint: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  date: '日期',
  file: '文件',
  undefined: '空值',
  null: '空值',
  nan: '非数字',
  symbol: '符号',
  function: '函数',
  map: '映射',
  set: '集合',
};

function translateTypes(message: string): string {
  return message.replace(/\b(string|number|int|integer|bigint|boolean|array|object|date|file|undefined|null|nan|symbol|function|map|set)\b/gi, (w) => TYPE_NAMES[w.toLowerCase()] ?? w);
}

type Issue = Parameters<typeof zhCN>[0];

function labelOf(issue: Issue): string | undefined {
  const inst = (issue as { inst?: z.ZodType }).inst;
  if (!inst) return undefined;
  const meta = z.globalRegistry.get(inst) as { title?: string; description?: string } | undefined;
  return meta?.title ?? inst.description ?? undefined;
}

/** The message of an issue: Chinese, with the field label when the schema gives one. */
export function chineseMessage(issue: Issue): string {
  const label = labelOf(issue);
  if (issue.code === 'invalid_type' && issue.input === undefined) return label ? `请填写${label}` : '此项为必填项';
  const raw = zhCN(issue);
  const text = translateTypes(typeof raw === 'string' ? raw : (raw?.message ?? '无效输入'));
  return label ? `${label}：${text}` : text;
}

z.config({ localeError: chineseMessage });
