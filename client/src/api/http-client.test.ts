import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, http } from './http-client';

function answer(status: number, body?: unknown, contentType = 'application/json') {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } })));
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('http client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('returns the JSON body of a success and nothing for 204', async () => {
    answer(200, { engine: 'pglite' });
    await expect(http.get('/api/health')).resolves.toEqual({ engine: 'pglite' });
    answer(204);
    await expect(http.post('/api/auth/logout')).resolves.toBeUndefined();
  });

  it("carries the server's Chinese message and code", async () => {
    answer(401, { error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } });
    const error = await failure(http.post('/api/auth/login', { username: 'a', password: 'b' }));
    expect(error).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', isUnauthorized: true });
  });

  it('explains answers without an error body in Chinese', async () => {
    answer(502, '<html>Bad Gateway</html>', 'text/html');
    expect((await failure(http.get('/api/regions'))).message).toBe('服务器出现错误（HTTP 502），请稍后重试');
  });

  it('turns a network failure into a Chinese message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await failure(http.get('/api/health'));
    expect(error.status).toBe(0);
    expect(error.message).toBe('无法连接服务器，请检查网络后重试');
  });
});
