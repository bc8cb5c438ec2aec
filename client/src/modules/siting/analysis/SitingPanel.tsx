import { ClearOutlined, CloseOutlined, RedoOutlined, SearchOutlined, SelectOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Input, InputNumber, Space, Switch, Tooltip, Typography } from 'antd';
import type { Polygon } from 'geojson';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { analyzeSite, type SitingAnalysis, type SitingNeeds } from '../../../api/siting.api';
import { SitingReportAction } from '../report/SitingReportAction';
import { ConflictOutlines, HighlightFeature, SiteDrawing, useMapActions, type SiteDrawMode, type SiteDrawSession, type SiteRefusal } from '../../../map';
import { measureFigures } from '../../blueprint/measure-figures';
import { areaFigures } from '../../blueprint/measure-format';
import { ToolModeBar, type ToolMode } from '../../blueprint/ToolModeBar';
import { bboxOfAll } from './geometry-bbox';
import { SiteFileImport } from './SiteFileImport';
import { SitingResult } from './SitingResult';
import { STOCK_LAND, StockParcelPicker } from './StockParcelPicker';
import { forbiddenGeometries, useFindingFeatures } from './use-finding-features';
import { useSiteShortcuts } from './use-site-shortcuts';
import './siting.css';

export interface SitingPanelProps {
  onClose(): void;
  /** Turns a thematic layer on in the layer tree (stock land while picking a parcel). */
  onShowLayer?(key: string): void;
  /** A site handed over from elsewhere (推荐选址 “以此为选址”): placed once drawing is ready. */
  initialSite?: { geometry: Polygon; label: string } | null;
  /** More buttons under a result (以此选址新建项目), given the analysed site. */
  resultActions?(site: Polygon, analysis: SitingAnalysis): ReactNode;
}

const HINTS: Record<SiteDrawMode, string> = {
  polygon: '单击逐点绘制地块，单击起点或按 Enter 闭合；边线不能自相交。靠近已有地块的节点或边线时自动吸附。',
  rectangle: '单击一角，移动后再单击对角。',
  circle: '单击圆心，移动后再单击确定半径。',
  edit: '拖动节点或整个地块进行调整，单击边中点可加节点；矩形拖动角点、圆形拖动边界点可缩放。',
};

const REFUSALS: Record<SiteRefusal, string> = {
  'self-intersection': '边线不能自相交：这个节点会使地块边线交叉，已被拒绝，请换一个位置。',
  holes: '该地块含有内环（洞）：选址范围须为不带洞的单个面。',
  invalid: '该图形无法作为选址范围（坐标无效或节点不足）。',
};

/** 选址分析: draw, import or pick a site, edit it with undo/redo, see its area live, then ask the server. */
export function SitingPanel({ onClose, onShowLayer, initialSite, resultActions }: SitingPanelProps) {
  const [mode, setMode] = useState<SiteDrawMode>('polygon');
  const [site, setSite] = useState<Polygon | null>(null);
  const [history, setHistory] = useState({ canUndo: false, canRedo: false });
  const [snapping, setSnapping] = useState(true);
  const [picking, setPicking] = useState(false);
  const [notice, setNotice] = useState<{ type: 'warning' | 'success'; text: string } | null>(null);
  const [industry, setIndustry] = useState('');
  const [landMu, setLandMu] = useState<number | null>(null);
  const [finding, setFinding] = useState<string | null>(null);
  const session = useRef<SiteDrawSession | null>(null);
  const actions = useMapActions();

  const needs = (): SitingNeeds | undefined => (industry.trim() || landMu != null ? { industry: industry.trim() || undefined, landMu: landMu ?? undefined } : undefined);
  // The variables are kept with the result: a report is saved for exactly the site and needs analysed.
  const analysis = useMutation({ mutationFn: (input: { geometry: Polygon; needs?: SitingNeeds }) => analyzeSite(input.geometry, input.needs) });
  const { reset } = analysis;
  // A result belongs to the site it was computed for.
  useEffect(() => {
    reset();
    setFinding(null);
  }, [site, reset]);
  useSiteShortcuts({ undo: () => session.current?.undo(), redo: () => session.current?.redo() });

  const features = useFindingFeatures(analysis.data);
  const forbidden = useMemo(() => forbiddenGeometries(analysis.data, features.data), [analysis.data, features.data]);
  const selected = useMemo(() => (finding ? (features.data?.[finding] ?? null) : null), [finding, features.data]);
  useEffect(() => {
    const bbox = selected && bboxOfAll(selected);
    if (bbox) actions?.fitBounds(bbox, { maxZoom: 16 });
  }, [selected, actions]);

  const placeSite = (geometry: Polygon, label: string) => {
    const ok = session.current?.setSite(geometry) ?? false;
    if (ok) {
      const bbox = bboxOfAll([geometry]);
      if (bbox) actions?.fitBounds(bbox, { maxZoom: 17 });
      setNotice({ type: 'success', text: `已将“${label}”作为选址范围，可继续编辑` });
    }
    return ok;
  };

  const [sessionReady, setSessionReady] = useState(false);
  const placed = useRef<unknown>(null);
  useEffect(() => {
    if (!initialSite || !sessionReady || placed.current === initialSite) return;
    placed.current = initialSite;
    placeSite(initialSite.geometry, initialSite.label);
    // placeSite only reads refs and setters; the site is placed once per hand-over.
  }, [initialSite, sessionReady]);

  const figures = measureFigures(site);
  const liveMu = figures?.kind === 'area' ? areaFigures(figures.ellipsoidalM2).mu : null;
  const modes: ToolMode<SiteDrawMode>[] = [
    { value: 'polygon', label: '多边形' },
    { value: 'rectangle', label: '矩形' },
    { value: 'circle', label: '圆形' },
    { value: 'edit', label: '编辑', disabled: !site },
  ];
  return (
    <Card
      size="small"
      className="map-card siting-panel"
      data-testid="siting-panel"
      title="选址分析"
      extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭选址分析" data-testid="siting-close" />}
    >
      <SiteDrawing
        mode={picking ? 'edit' : mode}
        snapping={snapping}
        onSession={(s) => {
          session.current = s;
          setSessionReady(s !== null);
        }}
        onChange={(geometry, m) => {
          setSite(geometry);
          setMode(m);
        }}
        onHistory={setHistory}
        onRefused={(reason) => setNotice({ type: 'warning', text: REFUSALS[reason] })}
      />
      <StockParcelPicker
        enabled={picking}
        onPicked={(parcel) => {
          setPicking(false);
          placeSite(parcel.geometry, `存量地块 ${parcel.name}`);
        }}
        onMissed={(text) => setNotice({ type: 'warning', text })}
      />
      <ConflictOutlines geometries={forbidden} />
      <HighlightFeature geometry={selected} />
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <ToolModeBar
          value={mode}
          modes={modes}
          testId="siting-mode"
          onChange={(m) => {
            setPicking(false);
            setMode(m);
          }}
        />
        <Space wrap size={6}>
          <Tooltip title="撤销（Ctrl+Z）" placement="bottom">
            <Button size="small" icon={<UndoOutlined />} disabled={!history.canUndo} onClick={() => session.current?.undo()} data-testid="siting-undo" aria-label="撤销" />
          </Tooltip>
          <Tooltip title="重做（Ctrl+Shift+Z 或 Ctrl+Y）" placement="bottom">
            <Button size="small" icon={<RedoOutlined />} disabled={!history.canRedo} onClick={() => session.current?.redo()} data-testid="siting-redo" aria-label="重做" />
          </Tooltip>
          <Tooltip title="吸附到可见图层的节点和边线" placement="bottom">
            <span>
              <Switch size="small" checked={snapping} onChange={setSnapping} data-testid="siting-snap" /> 吸附
            </span>
          </Tooltip>
          <Button size="small" icon={<ClearOutlined />} onClick={() => session.current?.clear()} disabled={!site} data-testid="siting-clear">
            清除
          </Button>
        </Space>
        <SiteFileImport onSite={placeSite}>
          <Button
            size="small"
            type={picking ? 'primary' : 'default'}
            icon={<SelectOutlined />}
            onClick={() => {
              if (!picking) onShowLayer?.(STOCK_LAND);
              else if (!site) setMode('polygon');
              setPicking(!picking);
            }}
            data-testid="siting-pick-stock"
          >
            拾取存量地块
          </Button>
        </SiteFileImport>
        <Typography.Text type="secondary" data-testid="siting-hint">
          {picking ? '单击图上的存量土地地块，将其作为选址范围。' : HINTS[mode]}
        </Typography.Text>
        {notice && <Alert type={notice.type} showIcon closable onClose={() => setNotice(null)} message={notice.text} data-testid="siting-notice" />}
        <div className="measure-figures">
          <span className="measure-label">地块面积 </span>
          <span className="measure-main" data-testid="siting-live-area">
            {liveMu ?? '尚未绘制'}
          </span>
        </div>
        <Space.Compact block>
          <Input size="small" placeholder="行业（可选，如 C26 或名称）" value={industry} onChange={(e) => setIndustry(e.target.value)} data-testid="siting-industry" />
          <InputNumber size="small" min={0} placeholder="用地需求（亩）" value={landMu} onChange={(v) => setLandMu(v)} style={{ width: 140 }} data-testid="siting-land-mu" />
        </Space.Compact>
        <Button type="primary" size="small" icon={<SearchOutlined />} disabled={!site} loading={analysis.isPending} onClick={() => site && analysis.mutate({ geometry: site, needs: needs() })} data-testid="siting-analyze">
          分析
        </Button>
        {analysis.error && <Alert type="error" showIcon message={analysis.error.message} data-testid="siting-error" />}
        {analysis.data && (
          <SitingResult
            analysis={analysis.data}
            actions={
              analysis.variables && (
                <>
                  <SitingReportAction key={analysis.submittedAt} site={analysis.variables.geometry} needs={analysis.variables.needs} />
                  {resultActions?.(analysis.variables.geometry, analysis.data)}
                </>
              )
            }
            selectedFinding={finding}
            onFinding={(layer) => setFinding((f) => (f === layer ? null : layer))}
          />
        )}
      </Space>
    </Card>
  );
}
