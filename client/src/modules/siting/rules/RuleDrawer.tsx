import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import type { LayerInfo } from '../../../api/api.types';
import { createSitingRule, updateSitingRule, type SitingRuleRow } from '../../../api/siting.api';
import { SEVERITY_LABEL } from '../analysis/siting-format';
import { emptyRule, formValuesOf, MEASURE_LABEL, ruleChange, ruleInput, TEMPLATE_FIELDS, type RuleFormValues } from './rule-form';

export const RULES_KEY = ['siting', 'rules'] as const;

const severityOptions = (['forbidden', 'adjust', 'info'] as const).map((s) => ({ value: s, label: SEVERITY_LABEL[s].text }));

export interface RuleDrawerProps {
  /** The rule edited; 'new' adds one; null = closed. */
  rule: SitingRuleRow | 'new' | null;
  layers: LayerInfo[];
  nextSortOrder: number;
  onClose(): void;
}

/** Edit or add one siting rule; the server validates and its Chinese message is shown as is. */
export function RuleDrawer({ rule, layers, nextSortOrder, onClose }: RuleDrawerProps) {
  const [form] = Form.useForm<RuleFormValues>();
  const queryClient = useQueryClient();
  const isNew = rule === 'new';
  const save = useMutation({
    mutationFn: (values: RuleFormValues) => (rule === 'new' ? createSitingRule(ruleInput(values)) : updateSitingRule(rule!.id, ruleChange(rule!, values))),
    meta: { silent: true },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: RULES_KEY });
      onClose();
    },
  });
  const { reset } = save;
  useEffect(() => {
    reset();
    if (rule) form.setFieldsValue(rule === 'new' ? emptyRule(nextSortOrder) : formValuesOf(rule));
  }, [rule, form, reset, nextSortOrder]);

  const constraintLayers = layers.filter((l) => (l.kind === 'hard' || l.kind === 'soft') && l.geometryType === 'polygon');
  const watched = Form.useWatch('measure', form);
  const outside = (rule === 'new' ? watched : rule?.measure) === 'outside';
  return (
    <Drawer
      open={rule !== null}
      onClose={onClose}
      size={560}
      title={rule === 'new' ? '新增选址规则' : `编辑选址规则 ${rule?.id ?? ''}`}
      data-testid="rule-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="rule-save">
            保存
          </Button>
        </Space>
      }
    >
      {save.error && <Alert type="error" showIcon message={save.error.message} style={{ marginBottom: 12 }} data-testid="rule-error" />}
      <Form form={form} layout="vertical" size="small" onFinish={(values) => save.mutate({ ...form.getFieldsValue(true), ...values })}>
        {isNew ? (
          <>
            <Form.Item name="id" label="规则编号" extra="小写字母、数字和连字符，如 flood-zone" rules={[{ required: true, message: '请填写规则编号' }]}>
              <Input data-testid="rule-id" />
            </Form.Item>
            <Form.Item name="layer" label="图层" rules={[{ required: true, message: '请选择图层' }]}>
              <Select options={constraintLayers.map((l) => ({ value: l.key, label: `${l.name}（${l.kind === 'hard' ? '刚性' : '弹性'}）` }))} data-testid="rule-layer" />
            </Form.Item>
            <Form.Item name="measure" label="计量">
              <Select options={Object.entries(MEASURE_LABEL).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </>
        ) : (
          <Typography.Paragraph type="secondary">规则的编号、图层和计量方式不可修改；如需作用于其他图层，请新增规则。</Typography.Paragraph>
        )}
        <Space.Compact block>
          <Form.Item name="whenProperty" label="条件：属性" style={{ width: '50%' }}>
            <Input placeholder="如 level（留空表示全部要素）" />
          </Form.Item>
          <Form.Item name="whenEquals" label="等于" style={{ width: '50%' }}>
            <Input placeholder="如 一级保护区" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="severity" label="严重程度">
          <Select options={severityOptions} data-testid="rule-severity" />
        </Form.Item>
        <Form.Item name="message" label="提示信息模板" extra={`可用占位符：${TEMPLATE_FIELDS.map(([k, v]) => `${k} ${v}`).join('，')}`}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="rule-message" />
        </Form.Item>
        {outside && (
          <>
            <Form.Item name="severityWhenClear" label="完全位于图层内时的严重程度">
              <Select allowClear options={severityOptions} />
            </Form.Item>
            <Form.Item name="messageWhenClear" label="完全位于图层内时的提示">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="basis" label="依据">
          <Input placeholder="如 《中华人民共和国土地管理法》第三十五条" data-testid="rule-basis" />
        </Form.Item>
        <Space size={24}>
          <Form.Item name="sortOrder" label="顺序（小者优先匹配）">
            <InputNumber min={0} max={100000} />
          </Form.Item>
          {!isNew && (
            <Form.Item name="enabled" label="启用" valuePropName="checked">
              <Switch data-testid="rule-enabled" />
            </Form.Item>
          )}
        </Space>
      </Form>
    </Drawer>
  );
}
