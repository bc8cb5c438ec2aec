import { Alert, Spin } from 'antd';
import type { MultiPolygon, Polygon } from 'geojson';
import { useEffect, useMemo } from 'react';
import type { SitingAnalysis } from '../../../../../common/src/siting.ts';
import { ConflictOutlines, HighlightFeature, MapView, ProjectSiteVersions, useMapActions } from '../../../map';
import { useBlueprintData } from '../../blueprint/use-blueprint-data';
import { bboxOfAll } from '../../siting/analysis/geometry-bbox';
import { forbiddenGeometries, useFindingFeatures } from '../../siting/analysis/use-finding-features';
import '../../blueprint/blueprint.css';

function FitTo({ site }: { site: Polygon | MultiPolygon }) {
  const actions = useMapActions();
  useEffect(() => {
    const bbox = bboxOfAll([site]);
    if (bbox) actions?.fitBounds(bbox, { maxZoom: 16 });
  }, [actions, site]);
  return null;
}

/** A small map of a task's site (orange) with the forbidden overlaps of its report outlined in red. */
export function TaskSiteMap({ site, analysis, selected }: { site: Polygon | MultiPolygon; analysis: SitingAnalysis | undefined; selected: string | null }) {
  const { config, regions, error } = useBlueprintData();
  const features = useFindingFeatures(analysis);
  const forbidden = useMemo(() => forbiddenGeometries(analysis, features.data), [analysis, features.data]);
  const highlighted = useMemo(() => (selected ? (features.data?.[selected] ?? null) : null), [selected, features.data]);
  if (error) return <Alert type="warning" showIcon message={`地图加载失败：${error.message}`} />;
  if (!config || !regions) return <Spin />;
  return (
    <div className="task-map" style={{ height: 380 }} data-testid="task-map">
      <MapView config={config} regions={regions}>
        <ProjectSiteVersions previous={[]} current={site} />
        <ConflictOutlines geometries={forbidden} />
        <HighlightFeature geometry={highlighted} />
        <FitTo site={site} />
      </MapView>
    </div>
  );
}
