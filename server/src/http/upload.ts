import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { HttpErrors } from '../../../common/src/contract/http.errors.ts';
import { AppError, badRequest } from './app-error.ts';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const single = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 } }).single('file');

/** multipart/form-data with one `file` field, kept in memory (bounded); multer's failures in Chinese. */
export const uploadOne: RequestHandler = (req, res, next) => {
  single(req, res, (err: unknown) => {
    if (!err) return next();
    const code = (err as { code?: string }).code;
    if (code === 'LIMIT_FILE_SIZE') return next(new AppError(413, HttpErrors.FILE_TOO_LARGE, `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB 上限`));
    if (code === 'LIMIT_UNEXPECTED_FILE' || code === 'LIMIT_FILE_COUNT') return next(badRequest('请只上传一个文件，字段名为 file'));
    next(badRequest(`上传内容无法读取：${(err as Error).message}`));
  });
};

/** The uploaded file, with its name decoded as UTF-8 (busboy hands multipart names over as latin1). */
export function uploadedFile(req: Request): { bytes: Uint8Array; fileName: string } {
  const file = req.file;
  if (!file) throw badRequest('请选择要上传的文件（multipart 字段 file）', undefined, HttpErrors.NO_FILE);
  const raw = file.originalname;
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  return { bytes: new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength), fileName: utf8.includes('\uFFFD') ? raw : utf8 };
}

/** Content-Disposition for a download whose name may be Chinese (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
