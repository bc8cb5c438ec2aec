import { CloseOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Descriptions, List } from 'antd';
import type { IdentifiedFeature, LabelledAttribute } from '../../api/api.types';
import { formatAttributeValue } from './attribute-format';
import { hitSummary } from './identify-query';
import { KindTag } from './KindTag';
import type { IdentifyState } from './use-identify';

// The server labels an attribute the layer registry does not declare with its raw key.
const isDeclared = (a: LabelledAttribute) => a.label !== a.key;

function AttributeTable({ attributes, testId }: { attributes: LabelledAttribute[]; testId: string }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid={testId}
      items={attributes.map((a) => ({ key: a.key, label: a.label, children: formatAttributeValue(a.value) }))}
    />
  );
}

function FeatureAttributes({ hit }: { hit: IdentifiedFeature }) {
  const declared = hit.attributes.filter(isDeclared);
  const other = hit.attributes.filter((a) => !isDeclared(a));
  return (
    <div className="identify-feature" data-testid="identify-feature">
      <div className="identify-feature-title">
        <span className="identify-layer-name" data-testid="identify-layer-name">
          {hit.layerName}
        </span>
        <KindTag kind={hit.kind} />
      </div>
      <AttributeTable attributes={declared} testId="identify-attributes" />
      {other.length > 0 && (
        <Collapse
          ghost
          size="small"
          className="identify-other"
          items={[{ key: 'other', label: `其他字段（${other.length} 项，图层未登记中文名）`, children: <AttributeTable attributes={other} testId="identify-other-attributes" /> }]}
        />
      )}
    </div>
  );
}

/** The answer to a map click: every hit when there are several, the chosen one's attributes. */
export function IdentifyPanel({ identify }: { identify: IdentifyState }) {
  const { hits, selected } = identify;
  if (!hits.length || !selected) return null;
  return (
    <Card
      size="small"
      className="map-card identify-panel"
      data-testid="identify-panel"
      title={hits.length > 1 ? `查询结果（${hits.length} 个要素）` : '查询结果'}
      extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={identify.close} aria-label="关闭" data-testid="identify-close" />}
    >
      {hits.length > 1 && (
        <List
          size="small"
          className="identify-hits"
          dataSource={hits}
          renderItem={(hit, index) => (
            <List.Item
              className={hit === selected ? 'identify-hit identify-hit-selected' : 'identify-hit'}
              onClick={() => identify.select(index)}
              data-testid="identify-hit"
            >
              <KindTag kind={hit.kind} />
              <span className="identify-hit-layer">{hit.layerName}</span>
              <span className="identify-hit-summary">{hitSummary(hit)}</span>
            </List.Item>
          )}
        />
      )}
      <FeatureAttributes hit={selected} />
    </Card>
  );
}
