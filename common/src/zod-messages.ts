import { z } from 'zod';
import type { $ZodRawIssue } from 'zod/v4/core';

/**
 * Chinese messages for zod's built-in checks, set once for the process (server) or page (client).
 * zod 4's zh-CN locale is the fallback; the common issue kinds get messages of our own because the
 * locale leaves English type names in them ("期望 string"). Hand-written messages in schemas win over
 * these. The caller (http/validate.ts) appends the field name.
 */
const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是/否',
  object: '对象',
  array: '数组',
  date: '日期',
  null: '空值',
  undefined: '未填写',
  nan: '非数字',
  file: '文件',
};

const typeName = (t: string) => TYPE_NAMES[t] ?? t;

function receivedName(input: unknown): string {
  if (input === null) return '空值';
  if (Array.isArray(input)) return '数组';
  if (typeof input === 'number' && Number.isNaN(input)) return '非数字';
  return typeName(typeof input);
}

const FORMAT_NAMES: Record<string, string> = {
  date: '日期，格式为 YYYY-MM-DD',
  datetime: '时间，格式为 ISO 8601（如 2026-01-31T08:00:00+08:00）',
  time: '时刻，格式为 hh:mm[:ss]',
  email: '邮箱地址',
  url: '网址',
  uuid: 'UUID',
};

type Issue = $ZodRawIssue;

const fallback = z.locales.zhCN().localeError;

export function chineseMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必填' : `应为${typeName(issue.expected)}，收到的是${receivedName(issue.input)}`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return `至少 ${min} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`;
      if (issue.origin === 'date') return `不能早于 ${min}`;
      return issue.inclusive ? `不能小于 ${min}` : `须大于 ${min}`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `最多 ${max} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      if (issue.origin === 'date') return `不能晚于 ${max}`;
      return issue.inclusive ? `不能大于 ${max}` : `须小于 ${max}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' ? '格式不正确' : `应为有效的${FORMAT_NAMES[issue.format] ?? issue.format}`;
    case 'invalid_value':
      return `应为以下之一：${issue.values.map((v: unknown) => String(v)).join('、')}`;
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'not_multiple_of':
      return `须为 ${String(issue.divisor)} 的整数倍`;
    case 'invalid_union':
      return '不符合任何一种允许的格式';
    default:
      return undefined;
  }
}

let configured = false;

/** Idempotent: both the server's validation module and the client's entry call it. */
export function useChineseZodMessages() {
  if (configured) return;
  configured = true;
  z.config({
    localeError: (issue) => {
      const own = chineseMessage(issue);
      if (own) return own;
      const zh = fallback(issue);
      return typeof zh === 'string' ? zh : (zh?.message ?? '输入无效');
    },
  });
}
