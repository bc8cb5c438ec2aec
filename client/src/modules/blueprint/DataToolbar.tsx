import { ExportButton } from './export/ExportButton';
import { ImportButton } from './import/ImportButton';
import { PrintButton } from './print/PrintButton';

/** 导入数据 · 导出 · 打印/导出地图, over the map; each button owns its drawer. */
export function DataToolbar() {
  return (
    <div className="map-panel" style={{ display: 'flex', gap: 6, alignSelf: 'flex-start' }} data-testid="data-toolbar">
      <ImportButton />
      <ExportButton />
      <PrintButton />
    </div>
  );
}
