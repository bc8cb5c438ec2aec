export const DEFAULT_PRINT_TITLE = '聊城市一张蓝图';

/** 2026年11月26日: the date as Chinese maps print it, in the user's local time. */
export function printDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 聊城市一张蓝图_20261126_0905.png: the title made safe for file systems, then the local time. */
export function printFileName(title: string, date: Date, extension: 'png' | 'pdf'): string {
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').replace(/\s+/g, '').replace(/^_+|_+$/g, '').slice(0, 60) || DEFAULT_PRINT_TITLE;
  const stamp = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}_${pad(date.getHours())}${pad(date.getMinutes())}`;
  return `${safe}_${stamp}.${extension}`;
}
