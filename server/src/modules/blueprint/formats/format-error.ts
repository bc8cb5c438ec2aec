import { AppError } from '../../../http/app-error.ts';
import { FormatIssueCode } from './format-issues.ts';

const LIMIT_CODES = new Set<string>([
  FormatIssueCode.fileTooLarge,
  FormatIssueCode.tooManyFeatures,
  FormatIssueCode.tooManyVertices,
  FormatIssueCode.featureTooManyVertices,
  FormatIssueCode.zipTooLarge,
  FormatIssueCode.zipTooManyEntries,
  FormatIssueCode.zipRatio,
]);

/**
 * A file that cannot be read as given. The message is Chinese and names the file, the feature or line
 * and the reason. It is an AppError so the HTTP error middleware answers it as it is (400, or 413 for
 * an exceeded limit) without the formats knowing about HTTP.
 */
export class FormatError extends AppError {
  constructor(
    readonly code: FormatIssueCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(LIMIT_CODES.has(code) ? 413 : 400, code, message, details);
    this.name = 'FormatError';
  }
}
