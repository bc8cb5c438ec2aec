import { Button, Form, Input, Popconfirm, Radio, Segmented, Select } from 'antd';
import { useState } from 'react';
import { LAYER_GROUPS, LAYER_KIND_LABELS, LAYER_KINDS, type LayerGroup, type LayerKind } from '../../../../../common/src/layers.ts';
import { useLayerList } from '../export/use-layer-list';
import type { NewLayerFields } from './import.api';
import type { ImportMode } from './import.types';

export type SaveRequest = { target: 'new'; fields: NewLayerFields } | { target: 'existing'; key: string; name: string; mode: ImportMode };

export interface ImportSaveFormProps {
  defaultName: string;
  busy: boolean;
  onSave: (request: SaveRequest) => void;
}

interface NewLayerValues {
  name: string;
  group: LayerGroup;
  kind: LayerKind;
}

const KIND_OPTIONS = LAYER_KINDS.map((kind) => ({ value: kind, label: LAYER_KIND_LABELS[kind] }));
const GROUP_OPTIONS = LAYER_GROUPS.map((group) => ({ value: group, label: group }));

function NewLayerForm({ defaultName, busy, onSave }: ImportSaveFormProps) {
  const [form] = Form.useForm<NewLayerValues>();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ name: defaultName, group: '土地', kind: 'reference' }}
      onFinish={(values) => onSave({ target: 'new', fields: { name: values.name.trim(), group: values.group, kind: values.kind } })}
      disabled={busy}
    >
      <Form.Item name="name" label="图层名称" rules={[{ required: true, whitespace: true, message: '请填写图层名称' }, { max: 40, message: '图层名称最多 40 个字' }]}>
        <Input data-testid="import-layer-name" maxLength={40} />
      </Form.Item>
      <Form.Item name="group" label="图层分组" rules={[{ required: true, message: '请选择分组' }]}>
        <Select data-testid="import-layer-group" options={GROUP_OPTIONS} />
      </Form.Item>
      <Form.Item name="kind" label="图层性质" rules={[{ required: true, message: '请选择图层性质' }]}>
        <Select data-testid="import-layer-kind" options={KIND_OPTIONS} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="import-submit">
        导入为新图层
      </Button>
    </Form>
  );
}

function ExistingLayerForm({ busy, onSave }: ImportSaveFormProps) {
  const layers = useLayerList();
  const [key, setKey] = useState<string>();
  const [mode, setMode] = useState<ImportMode>('append');
  const layer = layers.data?.find((l) => l.key === key);
  const submit = () => layer && onSave({ target: 'existing', key: layer.key, name: layer.name, mode });
  const button = (
    <Button type="primary" block disabled={!layer} loading={busy} data-testid="import-submit" onClick={mode === 'append' ? submit : undefined}>
      {mode === 'append' ? '追加到图层' : '替换图层数据'}
    </Button>
  );
  return (
    <Form layout="vertical" disabled={busy}>
      <Form.Item label="目标图层" required>
        <Select
          data-testid="import-target-layer"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择已有图层"
          loading={layers.isPending}
          value={key}
          onChange={setKey}
          options={(layers.data ?? []).map((l) => ({ value: l.key, label: `${l.group} / ${l.name}` }))}
        />
      </Form.Item>
      <Form.Item label="方式">
        <Radio.Group data-testid="import-mode" value={mode} onChange={(e) => setMode(e.target.value as ImportMode)}>
          <Radio value="append">追加（保留原有要素）</Radio>
          <Radio value="replace">替换（删除原有要素）</Radio>
        </Radio.Group>
      </Form.Item>
      {mode === 'replace' ? (
        <Popconfirm title="替换图层数据" description={`将删除“${layer?.name ?? ''}”现有的全部要素，换成本文件的要素。确定吗？`} okText="替换" cancelText="取消" onConfirm={submit} disabled={!layer}>
          {button}
        </Popconfirm>
      ) : (
        button
      )}
    </Form>
  );
}

/** Where the previewed data goes: a new layer, or appended to / replacing an existing one. */
export function ImportSaveForm(props: ImportSaveFormProps) {
  const [target, setTarget] = useState<'new' | 'existing'>('new');
  return (
    <div className="import-save" data-testid="import-save">
      <Segmented
        block
        data-testid="import-save-target"
        value={target}
        onChange={(v) => setTarget(v as 'new' | 'existing')}
        options={[
          { value: 'new', label: '导入为新图层' },
          { value: 'existing', label: '追加/替换到已有图层' },
        ]}
        disabled={props.busy}
      />
      <div className="import-save-body">{target === 'new' ? <NewLayerForm {...props} /> : <ExistingLayerForm {...props} />}</div>
    </div>
  );
}
