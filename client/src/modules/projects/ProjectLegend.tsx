import { Checkbox } from 'antd';
import { MapCorner } from '../../map';
import { stageLegend } from './project-format';

/** The 重点项目 overlay's switch and its colours by stage. */
export function ProjectLegend({ visible, onVisible, count }: { visible: boolean; onVisible(v: boolean): void; count: number | null }) {
  // Bottom-left, above the scale bar: the top-left column holds the tools, and clicks there never reach the map.
  return (
    <MapCorner position="bottom-left">
      <div className="project-legend" data-testid="project-legend">
        <Checkbox checked={visible} onChange={(e) => onVisible(e.target.checked)} data-testid="project-overlay-toggle">
          重点项目{count !== null ? `（${count}）` : ''}
        </Checkbox>
        {visible &&
          stageLegend().map(({ stage, colour }) => (
            <div className="project-legend-row" key={stage}>
              <span className="project-legend-swatch" style={{ background: colour }} />
              {stage}
            </div>
          ))}
      </div>
    </MapCorner>
  );
}
