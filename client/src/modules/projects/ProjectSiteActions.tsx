import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button } from 'antd';
import type { MultiPolygon, Polygon } from 'geojson';
import { useState } from 'react';
import type { SitingAnalysis } from '../../../../common/src/siting.ts';
import type { RegionCollection } from '../../api/api.types';
import { changeProjectSite, projectKeys, type ProjectCreated, type ProjectDetail } from '../../api/projects.api';
import { CreateProjectModal } from './CreateProjectModal';
import { formatAreaChange } from './project-format';

export interface ProjectSiteActionsProps {
  site: Polygon;
  analysis: SitingAnalysis;
  regions: RegionCollection;
  /** Set while 调整选址 of this project: the button saves a new site version instead of creating a project. */
  adjusting: ProjectDetail | null;
  canCreate: boolean;
  onProject(id: number): void;
}

/** Buttons under a siting result: 以此选址新建项目, or 保存为项目新选址 while adjusting a project's site. */
export function ProjectSiteActions({ site, analysis, regions, adjusting, canCreate, onProject }: ProjectSiteActionsProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const save = useMutation({
    mutationFn: (p: ProjectDetail) => changeProjectSite(p.id, { geometry: site, source: 'drawn' }),
    meta: { silent: true },
    onSuccess: (r, p) => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.all });
      message.success(`已保存为第 ${r.version} 版选址，${r.areaMu.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 亩（${formatAreaChange(r.areaChangeMu)}）${r.formalOpinionsInvalidated ? '；正式预审意见已失效，须重新会商' : ''}`, 6);
      onProject(p.id);
    },
  });
  if (adjusting)
    return (
      <>
        <Button size="small" type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => save.mutate(adjusting)} data-testid="project-save-site">
          保存为“{adjusting.name}”新选址
        </Button>
        {save.error && <Alert type="error" showIcon message={save.error.message} data-testid="project-save-site-error" />}
      </>
    );
  if (!canCreate) return null;
  return (
    <>
      <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-create-from-site">
        以此选址新建项目
      </Button>
      {creating && (
        <CreateProjectModal
          site={site}
          analysis={analysis}
          regions={regions}
          onClose={() => setCreating(false)}
          onCreated={(created: ProjectCreated) => {
            setCreating(false);
            onProject(created.id);
          }}
        />
      )}
    </>
  );
}

/** The site a project's version hands to the siting panel: its polygon, or the largest part of a multipolygon. */
export function sitePolygon(geometry: Polygon | MultiPolygon): Polygon {
  if (geometry.type === 'Polygon') return geometry;
  const ringArea = (ring: number[][]) => Math.abs(ring.reduce((a, p, i) => (i ? a + (ring[i - 1]![0]! * p[1]! - p[0]! * ring[i - 1]![1]!) : a), 0));
  const best = geometry.coordinates.reduce((a, b) => (ringArea(b[0] ?? []) > ringArea(a[0] ?? []) ? b : a));
  return { type: 'Polygon', coordinates: best };
}
