import { useMemo, useState, type ReactNode } from 'react';
import type { Polygon } from 'geojson';
import type { MapConfig, RegionCollection } from '../../api/api.types';
import { useSession } from '../../auth/use-session';
import { HighlightFeature, MapClickListener, MapView, MeasureDrawing, OverlayLayers, type MeasureGeometry, type MeasureKind } from '../../map';
import { FactorCapacityLayer } from '../factors/FactorCapacityLayer';
import { BlueprintSidebar } from './BlueprintSidebar';
import { CompareView } from './CompareView';
import { DataToolbar } from './DataToolbar';
import { IdentifyPanel } from './IdentifyPanel';
import { overlaysFor, treeOrder } from './layer-catalog';
import { LayerTreePanel } from './LayerTreePanel';
import { MapToolbar } from './MapToolbar';
import { MeasurePanel } from './MeasurePanel';
import { RecommendPanel } from './recommend/RecommendPanel';
import { SitingPanel } from './siting/SitingPanel';
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

  const canSite = useSession().data?.permissions.includes('siting.use') ?? false;
  // The panel owns the drawing, the site and its analysis while it is open.
  const [siting, setSiting] = useState(false);
  const [recommending, setRecommending] = useState(false);
  const [handedSite, setHandedSite] = useState<{ geometry: Polygon; label: string } | null>(null);

  const startMeasure = (kind: MeasureKind | null) => {
    identify.close();
    setSiting(false);
    setRecommending(false);
    setMeasure(kind);
  };
  const toggleSiting = () => {
    identify.close();
    setMeasure(null);
    setRecommending(false);
    setHandedSite(null);
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
            }}
            onShowLayer={(key) => visibility.setVisible(key, true)}
            initialSite={handedSite}
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
        ) : (
          <IdentifyPanel identify={identify} />
        )
      }
      cover={compare.state ? <CompareView compare={compare} layers={layers} visible={visibility.visible} /> : null}
    >
      <OverlayLayers overlays={overlays} />
      <HighlightFeature geometry={drawing ? null : (identify.selected?.geometry ?? null)} />
      <MapClickListener enabled={!drawing && !compare.state} onClick={identify.identifyAt} />
      <MeasureDrawing kind={measure} onChange={setMeasured} clearToken={clearToken} />
      <MapToolbar measure={measure} onMeasure={startMeasure} siting={canSite ? siting : undefined} onSiting={toggleSiting} recommend={canSite ? recommending : undefined} onRecommend={toggleRecommend} canCompare={compare.canCompare} onCompare={startCompare} />
      <DataToolbar />
      {children}
      <FactorCapacityLayer />
    </MapView>
  );
}
