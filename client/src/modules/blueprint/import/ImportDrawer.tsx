import { Alert, App, Button, Divider, Drawer, Result, Space } from 'antd';
import { useReducer, useState } from 'react';
import { isApiError } from '../../../api/http-client';
import { useMapTools } from '../../../map';
import { useRefreshLayerLists } from '../export/use-layer-list';
import { createLayerFromFile, importIntoLayer, parseGeoFile, type FileChoice } from './import.api';
import { importReducer, initialImportState, isBusy } from './import-flow';
import { layerNameFromFile } from './import-report';
import { ImportFileStep } from './ImportFileStep';
import { ImportProgress } from './ImportProgress';
import { ImportReportList } from './ImportReportList';
import { ImportSaveForm, type SaveRequest } from './ImportSaveForm';
import type { UploadProgress } from './multipart-upload';
import { useCanManageLayers } from './use-can-manage-layers';
import './import.css';

export const IMPORT_DRAWER_WIDTH = 460;
// Keep the fitted preview clear of the drawer on the right.
const PREVIEW_PADDING = { top: 60, bottom: 60, left: 60, right: IMPORT_DRAWER_WIDTH + 40 };

const messageOf = (error: unknown) => (isApiError(error) ? error.message : error instanceof Error ? error.message : String(error));

export interface ImportDrawerProps {
  open: boolean;
  onClose: () => void;
  onPreviewChange: (shown: boolean) => void;
}

/** 导入数据: read a file on the server, preview it on the map with its report, then store it. */
export function ImportDrawer({ open, onClose, onPreviewChange }: ImportDrawerProps) {
  const [state, dispatch] = useReducer(importReducer, initialImportState);
  const [file, setFile] = useState<File | null>(null);
  const [crs, setCrs] = useState('');
  const [layerNames, setLayerNames] = useState<string[]>([]);
  const [layer, setLayer] = useState<string>();
  const tools = useMapTools();
  const canManage = useCanManageLayers();
  const refreshLayers = useRefreshLayerLists();
  const { message } = App.useApp();
  const busy = isBusy(state);
  const choice = (): FileChoice | null => (file ? { file, crs: crs || undefined, layer } : null);

  const clearPreview = () => {
    tools?.clearPreview();
    onPreviewChange(false);
  };

  const startOver = (next: File | null) => {
    setFile(next);
    setLayerNames([]);
    setLayer(undefined);
    dispatch({ type: 'reset' });
    clearPreview();
  };

  const parse = async (chosen = choice()) => {
    if (!chosen) return;
    dispatch({ type: 'parse-started' });
    try {
      const result = await parseGeoFile(chosen, (progress) => dispatch({ type: 'progress', progress }));
      if (result.layers && result.layers.length > 1) setLayerNames(result.layers);
      dispatch({ type: 'parse-succeeded', result });
      if (result.features.features.length > 0 && tools) {
        tools.showPreview(result.features, { padding: PREVIEW_PADDING });
        onPreviewChange(true);
      } else {
        clearPreview();
      }
    } catch (error) {
      dispatch({ type: 'parse-failed', message: messageOf(error) });
      clearPreview();
    }
  };

  const save = async (request: SaveRequest) => {
    const chosen = choice();
    if (!chosen) return;
    dispatch({ type: 'save-started' });
    const onProgress = (progress: UploadProgress) => dispatch({ type: 'progress', progress });
    try {
      const result =
        request.target === 'new'
          ? await createLayerFromFile(chosen, request.fields, onProgress)
          : await importIntoLayer(chosen, request.key, request.mode, onProgress);
      const layerName = request.target === 'new' ? request.fields.name : request.name;
      dispatch({ type: 'save-succeeded', result, layerName });
      const what = request.target === 'existing' && request.mode === 'append' ? `已向图层“${layerName}”追加 ${result.added ?? result.featureCount} 个要素` : `已导入图层“${layerName}”，共 ${result.featureCount} 个要素`;
      message.success(what);
      await refreshLayers();
    } catch (error) {
      dispatch({ type: 'save-failed', message: messageOf(error) });
    }
  };

  const close = () => {
    // Once stored, the data is a layer of its own: the preview has done its job.
    if (state.phase === 'saved') startOver(null);
    onClose();
  };

  const parsed = state.parsed;
  const hasFeatures = !!parsed && parsed.features.features.length > 0;

  return (
    <Drawer
      title="导入数据"
      placement="right"
      size={IMPORT_DRAWER_WIDTH}
      mask={false}
      open={open}
      onClose={close}
      rootClassName="import-drawer"
    >
      <div data-testid="import-drawer">
      {state.phase === 'saved' && state.saved ? (
        <Result
          status="success"
          title="导入完成"
          subTitle={`图层“${state.saved.layerName}”现有 ${state.saved.result.featureCount} 个要素，可在图层列表中查看。`}
          data-testid="import-saved"
          extra={[
            <Button key="again" onClick={() => startOver(null)}>
              继续导入
            </Button>,
            <Button key="close" type="primary" onClick={close}>
              关闭
            </Button>,
          ]}
        >
          {state.saved.result.report.length > 0 && <ImportReportList result={{ ...parsed!, report: state.saved.result.report }} />}
        </Result>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <ImportFileStep
            file={file}
            onFile={startOver}
            crs={crs}
            onCrs={setCrs}
            layerNames={layerNames}
            layer={layer}
            onLayer={(name) => {
              setLayer(name);
              if (file) void parse({ file, crs: crs || undefined, layer: name });
            }}
            busy={busy}
            onParse={() => void parse()}
          />
          {state.phase === 'parsing' && state.progress && <ImportProgress progress={state.progress} working="正在读取与检查文件…" />}
          {state.error && <Alert type="error" showIcon title={state.error} data-testid="import-error" />}
          {parsed && (state.phase === 'parsed' || state.phase === 'saving') && (
            <>
              <ImportReportList result={parsed} />
              <Space>
                <Button data-testid="import-preview-only" disabled={busy || !hasFeatures} onClick={onClose}>
                  仅预览
                </Button>
                <Button data-testid="import-clear-preview" disabled={busy} onClick={() => startOver(null)}>
                  清除预览
                </Button>
              </Space>
              {hasFeatures && canManage && (
                <>
                  <Divider plain>保存到图层</Divider>
                  <ImportSaveForm key={file?.name} defaultName={layerNameFromFile(file?.name ?? '')} busy={busy} onSave={(r) => void save(r)} />
                </>
              )}
              {hasFeatures && !canManage && <Alert type="info" showIcon title="仅可预览：导入到图层需要图层管理权限，请联系管理员。" data-testid="import-no-permission" />}
              {state.phase === 'saving' && state.progress && <ImportProgress progress={state.progress} working="正在校验与入库…" />}
            </>
          )}
        </Space>
      )}
      </div>
    </Drawer>
  );
}
