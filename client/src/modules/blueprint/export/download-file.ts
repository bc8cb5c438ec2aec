import { ApiError } from '../../../api/http-client';
import { errorFromResponse } from '../import/multipart-upload';
import { filenameFromDisposition } from './export-request';

/**
 * Fetches a download through the session instead of navigating to it, so that a refusal
 * ({ error: { message } }) is shown as a message and not saved as a file.
 */
export async function fetchDownload(url: string): Promise<{ blob: Blob; filename: string | null }> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) throw errorFromResponse(response.status, await response.text());
  return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('Content-Disposition')) };
}

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
