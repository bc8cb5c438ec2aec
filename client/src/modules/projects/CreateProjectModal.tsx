import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import type { Polygon } from 'geojson';
import { useMemo } from 'react';
import { classifyProject } from '../../../../common/src/project-classification.ts';
import type { SitingAnalysis } from '../../../../common/src/siting.ts';
import type { RegionCollection } from '../../api/api.types';
import { createProject, projectKeys, type ProjectCreated } from '../../api/projects.api';
import { PROJECT_TYPES } from '../../../../common/src/projects.ts';
import { PROJECT_FUNDING_SOURCES } from '../../../../common/src/factors.ts';
import { NEEDS } from '../../../../common/src/needs.ts';
import { classificationInput, toCreateInput, type ProjectFormValues } from './project-form';

export interface CreateProjectModalProps {
  site: Polygon;
  analysis: SitingAnalysis;
  regions: RegionCollection;
  onClose(): void;
  onCreated(created: ProjectCreated): void;
}

/** 以此选址新建项目: the project's attributes; the analysed site becomes its first site version. */
export function CreateProjectModal({ site, analysis, regions, onClose, onCreated }: CreateProjectModalProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProjectFormValues>();
  const values = Form.useWatch([], form) as ProjectFormValues | undefined;
  const counties = useMemo(() => regions.features.filter((f) => f.properties.level === 'county').map((f) => ({ value: f.properties.code, label: f.properties.name })), [regions]);
  const preview = useMemo(() => {
    const input = values && classificationInput(values);
    return input ? classifyProject(input) : null;
  }, [values]);

  const create = useMutation({
    mutationFn: (v: ProjectFormValues) => createProject(toCreateInput(v, { geometry: site, source: 'drawn' })),
    meta: { silent: true },
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.all });
      message.success(`项目已创建，代码 ${created.code}`);
      onCreated(created);
    },
  });

  return (
    <Modal
      open
      width={720}
      title="以此选址新建项目"
      okText="创建项目"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'project-create-submit' } as Record<`data-${string}`, string>}
      destroyOnHidden
    >
      <div data-testid="project-create-form">
        <Typography.Paragraph type="secondary">
          选址面积 {analysis.area.mu.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 亩，位于 {analysis.region.county?.name ?? '—'}
          {analysis.region.zone ? ` ${analysis.region.zone.name}` : ''}；选址结论：{analysis.verdict.rule}
        </Typography.Paragraph>
        <Form<ProjectFormValues>
          form={form}
          layout="vertical"
          size="small"
          initialValues={{ county: analysis.region.county?.code, type: '招商引资', needs: { landMu: Math.round(analysis.area.mu * 100) / 100 } }}
          onFinish={(v) => create.mutate(v)}
        >
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="name" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]}>
                <Input data-testid="project-form-name" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="unitName" label="项目单位" rules={[{ required: true, message: '请填写项目单位' }]}>
                <Input data-testid="project-form-unit" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="county" label="县（市、区）" rules={[{ required: true, message: '请选择县（市、区）' }]}>
                <Select options={counties} data-testid="project-form-county" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="type" label="项目类型" rules={[{ required: true, message: '请选择项目类型' }]}>
                <Radio.Group options={PROJECT_TYPES.map((t) => ({ value: t, label: t }))} data-testid="project-form-type" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="industryCode" label="行业代码" tooltip="国民经济行业分类代码，如 C3612">
                <Input placeholder="C3612" data-testid="project-form-industry" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="industryName" label="行业名称">
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="strategicEmerging" label="战略性新兴产业" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="investmentWan" label="总投资（万元）">
                <InputNumber min={0} style={{ width: '100%' }} data-testid="project-form-investment" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="foreignAnnualNewUsdM" label="年度新增外资（百万美元）">
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="foreignCashRegisteredUsdM" label="现汇注册资本（百万美元）">
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="fundingSources" label="资金来源">
                <Select mode="tags" options={PROJECT_FUNDING_SOURCES.map((s) => ({ value: s, label: s }))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="plannedStart" label="计划开工">
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="plannedEnd" label="计划竣工">
                <Input type="date" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="nationalCode" label="投资项目统一代码（已赋码时填写）">
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Text strong>要素需求</Typography.Text>
          <Row gutter={12}>
            {NEEDS.map((f) => (
              <Col span={8} key={f.key}>
                <Form.Item name={['needs', f.key]} label={f.label}>
                  <InputNumber min={0} style={{ width: '100%' }} data-testid={`project-form-need-${f.key}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form>
        <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="project-form-classification">
          <Typography.Text strong>项目分类预览（第二条）</Typography.Text>
          {preview?.categories.length ? (
            preview.categories.map((c) => (
              <div key={c.category}>
                <Tag color="blue">{c.category}</Tag>
                <Typography.Text type="secondary">{c.reason}</Typography.Text>
              </div>
            ))
          ) : (
            <Typography.Text type="secondary">按当前属性不属于第二条所列类别</Typography.Text>
          )}
          {preview && preview.missing.length > 0 && <Typography.Text type="warning">待补充：{preview.missing.map((m) => m.label).join('、')}</Typography.Text>}
        </Space>
        {create.error && <Alert style={{ marginTop: 8 }} type="error" showIcon message={create.error.message} data-testid="project-create-error" />}
      </div>
    </Modal>
  );
}
