import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { fetchProjectFeatures, projectKeys, type ProjectDetail } from '../../api/projects.api';
import { useSession } from '../../auth/use-session';

/** The 重点项目 overlay's state on the blueprint page: features, visibility, the open project (?project=ID), 调整选址. */
export function useMapProjects() {
  const canRead = useSession().data?.permissions.includes('projects.read') ?? false;
  const [params] = useSearchParams();
  const fromUrl = Number(params.get('project')) || null;
  const [visible, setVisible] = useState(true);
  const [selected, setSelected] = useState<number | null>(fromUrl);
  const [adjusting, setAdjusting] = useState<ProjectDetail | null>(null);
  const features = useQuery({ queryKey: projectKeys.features, queryFn: fetchProjectFeatures, enabled: canRead, staleTime: 30_000 });

  // A link from the project list or a notification opens that project.
  useEffect(() => {
    if (fromUrl) setSelected(fromUrl);
  }, [fromUrl]);

  // The ?project= parameter stays in the address: removing it would navigate and drop the map's #hash view.
  const select = useCallback((id: number | null) => setSelected(id), []);
  return { canRead, visible, setVisible, features: features.data ?? null, selected, select, adjusting, setAdjusting };
}
