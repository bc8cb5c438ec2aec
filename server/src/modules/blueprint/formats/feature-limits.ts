import type { Feature } from 'geojson';
import { FormatError } from './format-error.ts';
import { FormatIssueCode } from './format-issues.ts';
import { formatBytes, type FormatLimits } from './format-limits.ts';
import { countVertices } from './geometry-utils.ts';

export function checkFileSize(bytes: Uint8Array, fileName: string, limits: FormatLimits): void {
  if (bytes.byteLength > limits.maxFileBytes) {
    throw new FormatError(FormatIssueCode.fileTooLarge, `文件“${fileName}”大小为 ${formatBytes(bytes.byteLength)}，超过上限 ${formatBytes(limits.maxFileBytes)}，请拆分后分批导入`, {
      bytes: bytes.byteLength,
      limit: limits.maxFileBytes,
    });
  }
}

/** Refuses a feature count early, before the features are built (readers that know it up front). */
export function checkFeatureCount(count: number, fileName: string, limits: FormatLimits): void {
  if (count > limits.maxFeatures) {
    throw new FormatError(FormatIssueCode.tooManyFeatures, `文件“${fileName}”有 ${count} 个要素，超过上限 ${limits.maxFeatures} 个，请拆分后分批导入`, { count, limit: limits.maxFeatures });
  }
}

/** Counts vertices as features are added and stops at the first limit crossed. */
export class VertexBudget {
  private total = 0;
  constructor(
    private readonly fileName: string,
    private readonly limits: FormatLimits,
  ) {}

  add(feature: Feature, index: number, label = `第 ${index + 1} 个要素`): void {
    const n = countVertices(feature.geometry);
    if (n > this.limits.maxFeatureVertices) {
      throw new FormatError(FormatIssueCode.featureTooManyVertices, `文件“${this.fileName}”的${label}有 ${n} 个顶点，超过单个要素上限 ${this.limits.maxFeatureVertices} 个，请简化或拆分该图形`, {
        featureIndex: index,
        count: n,
        limit: this.limits.maxFeatureVertices,
      });
    }
    this.total += n;
    if (this.total > this.limits.maxVertices) {
      throw new FormatError(FormatIssueCode.tooManyVertices, `文件“${this.fileName}”的顶点总数超过上限 ${this.limits.maxVertices} 个（读到${label}时已有 ${this.total} 个），请拆分后分批导入`, {
        featureIndex: index,
        count: this.total,
        limit: this.limits.maxVertices,
      });
    }
  }
}
