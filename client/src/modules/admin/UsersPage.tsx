import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatBeijingTime } from '../../../../common/src/siting-report.ts';
import type { UserCreate } from '../../../../common/src/users.ts';
import { useSession } from '../../auth/use-session';
import { usersApi, type ManagedUser, type OneTimePassword, type UserFormOptions } from '../../api/users.api';

const DUTY_LABEL = { system: '系统管理', security: '安全管理', audit: '安全审计' } as const;
type FormValues = UserCreate;

/** 用户管理 (users.manage, the security administrator): accounts, roles under 三权分立, one-time passwords, sessions. */
export function UsersPage() {
  const me = useSession().data;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<{ q?: string; role?: string; status?: string }>({});
  const [editing, setEditing] = useState<ManagedUser | 'new' | null>(null);
  const [sessionsOf, setSessionsOf] = useState<ManagedUser | null>(null);
  const [secret, setSecret] = useState<OneTimePassword | null>(null);
  const users = useQuery({ queryKey: ['users', filter], queryFn: () => usersApi.list(filter), placeholderData: (p) => p });
  const options = useQuery({ queryKey: ['users', 'options'], queryFn: usersApi.options, staleTime: 300_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const reset = useMutation({
    mutationFn: (u: ManagedUser) => usersApi.resetPassword(u.id),
    onSuccess: (r) => {
      setSecret(r);
      void refresh();
    },
  });

  return (
    <div style={{ padding: 16, height: '100%', overflow: 'auto' }} data-testid="users-page">
      <Card
        size="small"
        title={`用户管理${users.data ? `（${users.data.length} 个账号）` : ''}`}
        extra={
          <Button type="primary" onClick={() => setEditing('new')} data-testid="user-create">
            新建账号
          </Button>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder="用户名或姓名" style={{ width: 200 }} onSearch={(v) => setFilter((f) => ({ ...f, q: v.trim() || undefined }))} data-testid="users-filter-q" />
          <Select
            allowClear
            placeholder="角色"
            style={{ width: 160 }}
            options={options.data?.roles.map((r) => ({ value: r.key, label: r.name }))}
            onChange={(role?: string) => setFilter((f) => ({ ...f, role }))}
          />
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 110 }}
            options={[
              { value: 'active', label: '启用' },
              { value: 'disabled', label: '停用' },
            ]}
            onChange={(status?: string) => setFilter((f) => ({ ...f, status }))}
          />
        </Space>
        {users.error && <Alert type="error" showIcon title={users.error.message} />}
        <Table<ManagedUser>
          size="small"
          rowKey="id"
          loading={users.isFetching}
          dataSource={users.data ?? []}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 130 },
            { title: '姓名', dataIndex: 'displayName', width: 110 },
            {
              title: '角色',
              key: 'roles',
              render: (_, u) => u.roles.map((r) => <Tag key={r.key} color={r.duty ? 'purple' : 'blue'}>{r.name}</Tag>),
            },
            { title: '所属', key: 'home', width: 170, render: (_, u) => [u.region?.name, u.department?.name].filter(Boolean).join(' · ') || '—' },
            {
              title: '状态',
              key: 'status',
              width: 150,
              render: (_, u) => (
                <Space size={4} wrap>
                  {u.status === 'active' ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
                  {u.lockedUntil && <Tag color="red">锁定至 {formatBeijingTime(u.lockedUntil).slice(11, 16)}</Tag>}
                  {u.mustChangePassword && <Tag color="orange">待改密</Tag>}
                </Space>
              ),
            },
            { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (t: string | null) => (t ? formatBeijingTime(t) : '—') },
            {
              title: '操作',
              key: 'actions',
              width: 230,
              render: (_, u) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>
                    编辑
                  </Button>
                  <Popconfirm title={`重置 ${u.displayName} 的密码？`} description="将生成一次性密码，其登录会话全部退出。" onConfirm={() => reset.mutate(u)} disabled={u.id === me?.id}>
                    <Button type="link" size="small" disabled={u.id === me?.id} data-testid={`user-reset-${u.username}`}>
                      重置密码
                    </Button>
                  </Popconfirm>
                  <Button type="link" size="small" onClick={() => setSessionsOf(u)}>
                    会话（{u.liveSessions}）
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && options.data && (
        <UserEditor
          user={editing === 'new' ? null : editing}
          self={editing !== 'new' && editing.id === me?.id}
          options={options.data}
          onClose={() => setEditing(null)}
          onSaved={(created) => {
            setEditing(null);
            void refresh();
            if (created) setSecret(created);
            else message.success('账号已保存');
          }}
        />
      )}
      {sessionsOf && <SessionsDrawer user={sessionsOf} onClose={() => (setSessionsOf(null), void refresh())} />}
      <Modal title="一次性密码" open={!!secret} onOk={() => setSecret(null)} onCancel={() => setSecret(null)} cancelButtonProps={{ style: { display: 'none' } }} okText="已转交">
        {secret && (
          <Space direction="vertical">
            <span>
              账号 <b>{secret.user.username}</b>（{secret.user.displayName}）的一次性密码，仅显示这一次，请当面或通过安全渠道转交：
            </span>
            <Typography.Text copyable code style={{ fontSize: 18 }} data-testid="one-time-password">
              {secret.oneTimePassword}
            </Typography.Text>
            <span>用户首次登录时须修改密码。</span>
          </Space>
        )}
      </Modal>
    </div>
  );
}

function UserEditor({ user, self, options, onClose, onSaved }: { user: ManagedUser | null; self: boolean; options: UserFormOptions; onClose: () => void; onSaved: (created?: OneTimePassword) => void }) {
  const [form] = Form.useForm<FormValues>();
  const save = useMutation({
    mutationFn: async (v: FormValues) => {
      const body = { displayName: v.displayName, regionCode: v.regionCode ?? null, departmentCode: v.departmentCode ?? null, roles: v.roles, enabled: v.enabled };
      if (user) {
        await usersApi.update(user.id, body);
        return undefined;
      }
      return usersApi.create({ ...body, username: v.username });
    },
    meta: { silent: true },
    onSuccess: onSaved,
  });
  const roleKeys = Form.useWatch('roles', form) ?? [];
  const duties = options.roles.filter((r) => r.duty && roleKeys.includes(r.key));
  return (
    <Drawer title={user ? `编辑账号 ${user.username}` : '新建账号'} open onClose={onClose} width={440} destroyOnHidden>
      <Form<FormValues>
        form={form}
        layout="vertical"
        disabled={save.isPending}
        initialValues={
          user
            ? { username: user.username, displayName: user.displayName, regionCode: user.region?.code ?? null, departmentCode: user.department?.code ?? null, roles: user.roles.map((r) => r.key), enabled: user.status === 'active' }
            : { roles: [], enabled: true, regionCode: null, departmentCode: null }
        }
        onFinish={(v) => save.mutate(v)}
        data-testid="user-form"
      >
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[a-z][a-z0-9_.-]{1,31}$/, message: '以小写字母开头，2-32 位小写字母、数字、_ . -' }]}>
          <Input disabled={!!user} autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input data-testid="user-form-name" />
        </Form.Item>
        <Form.Item label="角色" name="roles" rules={[{ required: true, message: '至少分配一个角色' }]} extra={self ? '不能修改自己的角色（三权分立）' : '系统管理、安全管理、安全审计三类职责不能由同一账号兼任'}>
          <Select
            mode="multiple"
            disabled={self}
            data-testid="user-form-roles"
            options={options.roles.map((r) => ({ value: r.key, label: r.duty ? `${r.name}（${DUTY_LABEL[r.duty]}）` : r.name, title: r.description }))}
          />
        </Form.Item>
        {duties.length > 1 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`三权分立：${duties.map((d) => d.name).join('、')}不能由同一账号兼任`} />}
        <Form.Item label="所属县（市、区）" name="regionCode" extra="县级角色（谋划人员、服务专员）须填写">
          <Select allowClear data-testid="user-form-region" options={options.regions.filter((r) => r.level !== 'city').map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        <Form.Item label="所属部门" name="departmentCode" extra="部门审查人员须填写">
          <Select allowClear data-testid="user-form-department" options={options.departments.map((d) => ({ value: d.code, label: d.name }))} />
        </Form.Item>
        <Form.Item label="启用" name="enabled" valuePropName="checked" extra={self ? '不能停用自己的账号' : '停用后其登录会话立即退出'}>
          <Switch disabled={self} />
        </Form.Item>
        {save.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={save.error.message} data-testid="user-form-error" />}
        <Button type="primary" htmlType="submit" block loading={save.isPending} disabled={duties.length > 1} data-testid="user-form-submit">
          {user ? '保存' : '创建并生成一次性密码'}
        </Button>
      </Form>
    </Drawer>
  );
}

function SessionsDrawer({ user, onClose }: { user: ManagedUser; onClose: () => void }) {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['users', user.id, 'sessions'], queryFn: () => usersApi.sessions(user.id) });
  const end = useMutation({
    mutationFn: (sessionId?: string) => usersApi.endSessions(user.id, sessionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users', user.id, 'sessions'] }),
  });
  return (
    <Drawer
      title={`${user.displayName} 的登录会话`}
      open
      onClose={onClose}
      width={620}
      extra={
        <Popconfirm title="结束该用户的全部会话？" onConfirm={() => end.mutate(undefined)} disabled={!sessions.data?.length}>
          <Button danger disabled={!sessions.data?.length}>
            全部结束
          </Button>
        </Popconfirm>
      }
    >
      <Table
        size="small"
        rowKey="id"
        loading={sessions.isFetching}
        dataSource={sessions.data ?? []}
        pagination={false}
        locale={{ emptyText: '没有进行中的会话' }}
        columns={[
          { title: '登录时间', dataIndex: 'createdAt', width: 150, render: (t: string) => formatBeijingTime(t) },
          { title: '最近活动', dataIndex: 'lastSeenAt', width: 150, render: (t: string) => formatBeijingTime(t) },
          { title: '地址', dataIndex: 'ip', width: 110 },
          { title: '浏览器', dataIndex: 'userAgent', ellipsis: true },
          {
            title: '',
            key: 'end',
            width: 60,
            render: (_, s) => (
              <Button type="link" size="small" danger onClick={() => end.mutate(s.id)}>
                结束
              </Button>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
