import { Alert, Empty, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { formatAmount, type MonthlyTrend } from './factor-figures';

type Echarts = typeof import('./echarts-setup')['echarts'];

// Twelve distinct colours: the city pool, eight counties and three zones each get their own.
const PALETTE = ['#1f5fbf', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc', '#5470c6', '#8d6e63', '#2f4554'];

export interface TrendChartProps {
  trend: MonthlyTrend;
  unit: string;
  /** Stacked bars (the units add up to the factor's total) or lines. */
  stacked: boolean;
}

/** Month-end balances of each unit, drawn by ECharts (loaded with the first chart, not with the app). */
export function TrendChart({ trend, unit, stacked }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [lib, setLib] = useState<Echarts | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    import('./echarts-setup').then(
      (m) => live && setLib(() => m.echarts),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const empty = trend.months.length === 0 || trend.series.length === 0;
  useEffect(() => {
    if (!lib || !box.current || empty) return;
    const chart = lib.init(box.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      color: PALETTE,
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${formatAmount(v)} ${unit}` : String(v)) },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: trend.months.map((m) => `${Number(m.slice(5))}月`) },
      yAxis: { type: 'value', name: unit, axisLabel: { formatter: (v: number) => formatAmount(v) } },
      series: trend.series.map((s) => ({
        name: s.owner.name,
        type: stacked ? 'bar' : 'line',
        stack: stacked ? 'balance' : undefined,
        data: s.values,
        emphasis: { focus: 'series' },
      })),
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [lib, trend, unit, stacked, empty]);

  if (failed) return <Alert type="error" showIcon title="图表组件加载失败，请刷新页面重试" />;
  if (empty) return <Empty description="本年度尚无月末余额" />;
  return (
    <Spin spinning={!lib}>
      <div ref={box} className="factor-trend-chart" data-testid="factor-trend-chart" />
    </Spin>
  );
}
