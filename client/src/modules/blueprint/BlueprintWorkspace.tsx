import { useMemo, useState, type ReactNode } from 'react';
import type { Polygon } from 'geojson';
import type { MapConfig, RegionCollection } from '../../api/api.types';
import { useSession } from '../../auth/use-session';
import { HighlightFeature, MapView, ProjectFeatures, MeasureDrawing, OverlayLayers, type MeasureGeometry, type MeasureKind } from '../../map';
import { ProjectLegend } from '../projects/ProjectLegend';
import { ProjectPanel } from '../projects/ProjectPanel';
import { ProjectSiteActions, sitePolygon } from '../projects/ProjectSiteActions';
import { STAGE_COLOURS } from '../projects/project-format';
import { useMapProjects } from '../projects/use-map-projects';
import { FactorCapacityLayer } from '../factors/FactorCapacityLayer';
import { BlueprintSidebar } from './BlueprintSidebar';
import { CompareView } from './CompareView';
import { DataToolbar } from './DataToolbar';
import { IdentifyPanel } from './IdentifyPanel';
import { overlaysFor, treeOrder } from './layer-catalog';
import { LayerTreePanel } from './LayerTreePanel';
import { MapToolbar } from './MapToolbar';
import { MeasurePanel } from './MeasurePanel';
import { RecommendPanel } from '../siting/recommend/RecommendPanel';
import { SitingPanel } from '../siting/analysis/SitingPanel';
import { useCompare } from './use-compare';
import { useIdentify } from './use-identify';
import { useLayerVisibility } from './use-layer-visibility';
import { useLayers } from './use-layers';

export interface BlueprintWorkspaceProps {
  config: MapConfig;
  regions: RegionCollection;
  /** Badges over the map's top-left corner. */
  children?: ReactNode;
}

/** The map with the layer tree, identify, measuring and comparison; the page state lives here. */
export function BlueprintWorkspace({ config, regions, children }: BlueprintWorkspaceProps) {
  const layersQuery = useLayers();
  const layers = useMemo(() => layersQuery.data ?? [], [layersQuery.data]);
  const visibility = useLayerVisibility();
  const tree = useMemo(() => treeOrder(layers), [layers]);
  const treeKeys = useMemo(() => tree.map((l) => l.key), [tree]);
  const visibleKeys = useMemo(() => visibility.visible.map((v) => v.key), [visibility.visible]);
  const visibleLayers = useMemo(() => tree.filter((l) => visibleKeys.includes(l.key)), [tree, visibleKeys]);
  const overlays = useMemo(() => overlaysFor(layers, visibility.visible), [layers, visibility.visible]);

  const [measure, setMeasure] = useState<MeasureKind | null>(null);
  const [measured, setMeasured] = useState<MeasureGeometry | null>(null);
  const [clearToken, setClearToken] = useState(0);
  const identify = useIdentify(visibleLayers, treeKeys);
  const compare = useCompare(layers, treeKeys, visibleKeys);

  const permissions = useSession().data?.permissions;
  const canSite = permissions?.includes('siting.use') ?? false;
  const projects = useMapProjects();
  // The panel owns the drawing, the site and its analysis while it is open.
  const [siting, setSiting] = useState(false);
  const [recommending, setRecommending] = useState(false);
  const [handedSite, setHandedSite] = useState<{ geometry: Polygon; label: string } | null>(null);

  const startMeasure = (kind: MeasureKind | null) => {
    identify.close();
    projects.select(null);
    setSiting(false);
    setRecommending(false);
    setMeasure(kind);
  };
  const toggleSiting = () => {
    identify.close();
    setMeasure(null);
    setRecommending(false);
    setHandedSite(null);
    projects.select(null);
    projects.setAdjusting(null);
    setSiting((open) => !open);
  };
  const toggleRecommend = () => {
    identify.close();
    setMeasure(null);
    setSiting(false);
    setRecommending((open) => !open);
  };
  const startCompare = () => {
    identify.close();
    setMeasure(null);
    setSiting(false);
    setRecommending(false);
    compare.start();
  };
  const drawing = measure !== null || siting || recommending;

  const visibleCount = visibleKeys.filter((k) => treeKeys.includes(k)).length;
  return (
    <MapView
      config={config}
      regions={regions}
      sidebar={
        <BlueprintSidebar title={`图层目录${visibleCount ? `（已显示 ${visibleCount} 个）` : ''}`}>
          <LayerTreePanel layers={layersQuery.data} loading={layersQuery.isPending} error={layersQuery.error} state={visibility} />
        </BlueprintSidebar>
      }
      topRight={
        siting ? (
          <SitingPanel
            onClose={() => {
              setSiting(false);
              setHandedSite(null);
              if (projects.adjusting) projects.select(projects.adjusting.id);
              projects.setAdjusting(null);
            }}
            onShowLayer={(key) => visibility.setVisible(key, true)}
            initialSite={handedSite}
            resultActions={(site, analysis) => (
              <ProjectSiteActions
                site={site}
                analysis={analysis}
                regions={regions}
                adjusting={projects.adjusting}
                canCreate={permissions?.includes('projects.write') ?? false}
                onProject={(id) => {
                  setSiting(false);
                  setHandedSite(null);
                  projects.setAdjusting(null);
                  projects.select(id);
                }}
              />
            )}
          />
        ) : recommending ? (
          <RecommendPanel
            regions={regions}
            onClose={() => setRecommending(false)}
            onUseSite={(geometry, label) => {
              setRecommending(false);
              setHandedSite({ geometry, label });
              setSiting(true);
            }}
          />
        ) : measure ? (
          <MeasurePanel kind={measure} geometry={measured} onKind={setMeasure} onClear={() => setClearToken((n) => n + 1)} onClose={() => setMeasure(null)} />
        ) : projects.selected !== null ? (
          <ProjectPanel
            key={projects.selected}
            projectId={projects.selected}
            onClose={() => projects.select(null)}
            onAdjustSite={(p) => {
              const current = p.sites.reduce<(typeof p.sites)[number] | null>((a, b) => (!a || b.version > a.version ? b : a), null);
              if (!current) return;
              identify.close();
              setMeasure(null);
              setRecommending(false);
              projects.select(null);
              projects.setAdjusting(p);
              setHandedSite({ geometry: sitePolygon(current.geometry), label: `${p.name} 第 ${current.version} 版选址` });
              setSiting(true);
            }}
          />
        ) : (
          <IdentifyPanel identify={identify} />
        )
      }
      cover={compare.state ? <CompareView compare={compare} layers={layers} visible={visibility.visible} /> : null}
    >
      <OverlayLayers overlays={overlays} />
      <HighlightFeature geometry={drawing ? null : (identify.selected?.geometry ?? null)} />
      <ProjectFeatures
        data={projects.features}
        visible={projects.visible}
        colours={STAGE_COLOURS}
        selectedId={projects.selected}
        enabled={!drawing && !compare.state}
        onSelect={(id) => {
          identify.close();
          projects.select(id);
        }}
        onMiss={(click) => {
          projects.select(null);
          identify.identifyAt(click);
        }}
      />
      <MeasureDrawing kind={measure} onChange={setMeasured} clearToken={clearToken} />
      <MapToolbar measure={measure} onMeasure={startMeasure} siting={canSite ? siting : undefined} onSiting={toggleSiting} recommend={canSite ? recommending : undefined} onRecommend={toggleRecommend} canCompare={compare.canCompare} onCompare={startCompare} />
      <DataToolbar />
      {children}
      <FactorCapacityLayer />
      {projects.canRead && <ProjectLegend visible={projects.visible} onVisible={projects.setVisible} count={projects.features?.features.length ?? null} />}
    </MapView>
  );
}
