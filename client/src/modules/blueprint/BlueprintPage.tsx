import { Button, Result, Spin, Tag } from 'antd';
import { useHealth } from '../../app/use-health';
import { BlueprintWorkspace } from './BlueprintWorkspace';
import { useBlueprintData } from './use-blueprint-data';
import './blueprint.css';

/** 一张蓝图: plans, controls and capacities of the city on one map. */
export function BlueprintPage() {
  const { config, regions, isPending, error, retry } = useBlueprintData();
  const health = useHealth();

  if (error) {
    return (
      <Result
        status="warning"
        title="地图数据加载失败"
        subTitle={error.message}
        extra={
          <Button type="primary" onClick={() => void retry()}>
            重新加载
          </Button>
        }
      />
    );
  }
  if (isPending || !config || !regions) {
    return (
      <div className="full-page-center">
        <Spin size="large" description="正在加载地图…" />
      </div>
    );
  }
  return (
    <BlueprintWorkspace config={config} regions={regions}>
      {health.data?.demo && (
        <div className="blueprint-demo-badge" data-testid="demo-data-badge">
          <Tag color="orange">演示数据</Tag>
        </div>
      )}
    </BlueprintWorkspace>
  );
}
