import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Tag, Typography } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { LoginRequest } from '../api/api.types';
import { SYSTEM_TITLE } from '../app/branding';
import { FullPageSpin } from '../app/FullPageSpin';
import { defaultModulePath } from '../app/module-registry';
import type { LoginRedirectState } from '../app/RequireAuth';
import { useHealth } from '../app/use-health';
import { useLogin, useSession } from './use-session';

export function LoginPage() {
  const session = useSession();
  const login = useLogin();
  const health = useHealth();
  const navigate = useNavigate();
  const location = useLocation();
  const target = (location.state as LoginRedirectState | null)?.from ?? defaultModulePath;

  if (session.isPending) return <FullPageSpin />;
  if (session.data) return <Navigate to={target} replace />;

  const submit = (values: LoginRequest) =>
    login.mutate(values, { onSuccess: () => navigate(target, { replace: true }) });

  return (
    <div className="login-page">
      <Card className="login-card" variant="borderless">
        <Typography.Title level={3} className="login-title">
          {SYSTEM_TITLE}
        </Typography.Title>
        {health.data?.demo && (
          <div className="login-demo-note" data-testid="demo-note">
            <Tag color="orange">演示环境</Tag>
            <span>数据为演示数据，仅供体验</span>
          </div>
        )}
        <Form<LoginRequest> className="login-form" layout="vertical" size="large" onFinish={submit} requiredMark={false} disabled={login.isPending}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {login.error && (
            <Alert className="login-error" type="error" showIcon title={login.error.message} data-testid="login-error" />
          )}
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
