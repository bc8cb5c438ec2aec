import { Progress, Spin } from 'antd';
import type { UploadProgress } from './multipart-upload';

/** Upload progress while bytes go out, then a spinner while the server works on them. */
export function ImportProgress({ progress, working }: { progress: UploadProgress; working: string }) {
  return (
    <div className="import-progress" data-testid="import-progress">
      {progress.sent ? (
        <Spin description={working}>
          <div className="import-progress-spin-space" />
        </Spin>
      ) : (
        <>
          <div className="import-progress-label">正在上传…</div>
          <Progress percent={progress.percent} status="active" />
        </>
      )}
    </div>
  );
}
