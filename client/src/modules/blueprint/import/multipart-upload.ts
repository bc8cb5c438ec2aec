import { ApiError } from '../../../api/http-client';

export interface UploadProgress {
  /** 0-100 of the request body sent. */
  percent: number;
  /** True once every byte is sent and the server is working on it. */
  sent: boolean;
}

function messageFor(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '没有权限执行此操作';
  if (status === 413) return '文件过大，超过了服务器允许的上限';
  if (status >= 500) return `服务器出现错误（HTTP ${status}），请稍后重试`;
  return `请求失败（HTTP ${status}）`;
}

/** The ApiError for a failed answer: the server's own Chinese message when it sent one. */
export function errorFromResponse(status: number, body: string): ApiError {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = parsed.error ?? {};
    if (typeof message === 'string' && message) return new ApiError(status, typeof code === 'string' ? code : `HTTP_${status}`, message);
  } catch {
    // not JSON: fall through to the generic message
  }
  return new ApiError(status, `HTTP_${status}`, messageFor(status));
}

export function percentOf(loaded: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(100, Math.round((loaded / total) * 100)));
}

/**
 * Multipart POST with upload progress. fetch() cannot report how much of a request body has been
 * sent, XMLHttpRequest can (upload.onprogress): large imports show a real progress bar.
 */
export function postMultipart<T>(url: string, form: FormData, onProgress?: (p: UploadProgress) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress?.({ percent: percentOf(e.loaded, e.lengthComputable ? e.total : 0), sent: false });
    xhr.upload.onload = () => onProgress?.({ percent: 100, sent: true });
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', '已取消上传'));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, 'BAD_RESPONSE', '服务器返回的内容无法识别，请稍后重试'));
        }
      } else {
        reject(errorFromResponse(xhr.status, xhr.responseText));
      }
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
