import { describe, expect, it } from 'vitest';
import { errorFromResponse, percentOf } from './multipart-upload';

describe('errorFromResponse', () => {
  it('carries the server Chinese message and code', () => {
    const e = errorFromResponse(400, JSON.stringify({ error: { code: 'FORMAT', message: '文件“a.txt”第 3 行不是坐标' } }));
    expect(e.status).toBe(400);
    expect(e.code).toBe('FORMAT');
    expect(e.message).toBe('文件“a.txt”第 3 行不是坐标');
  });

  it('falls back to a Chinese message for bodies that are not ours', () => {
    expect(errorFromResponse(413, '<html>Request Entity Too Large</html>').message).toBe('文件过大，超过了服务器允许的上限');
    expect(errorFromResponse(403, '').message).toBe('没有权限执行此操作');
    expect(errorFromResponse(502, '{}').message).toMatch(/服务器出现错误/);
  });
});

describe('percentOf', () => {
  it('rounds and clamps, and is 0 when the total is unknown', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 4)).toBe(100);
    expect(percentOf(5, 0)).toBe(0);
  });
});
