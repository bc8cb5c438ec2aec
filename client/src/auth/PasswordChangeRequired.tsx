import { Alert, Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { User } from '../api/api.types';
import { SYSTEM_TITLE } from '../app/branding';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useLogout } from './use-session';

/** Shown instead of every page while the password is a one-time or expired one (the server refuses the rest). */
export function PasswordChangeRequired({ user }: { user: User }) {
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <div className="login-page">
      <Card className="login-card" variant="borderless" data-testid="password-change-required">
        <Typography.Title level={3} className="login-title">
          {SYSTEM_TITLE}
        </Typography.Title>
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`${user.displayName}，请先修改密码`} description="初始密码、重置后的密码或已过期的密码须修改后才能使用系统。" />
        <ChangePasswordForm username={user.username} />
        <Button type="link" block style={{ marginTop: 8 }} onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}>
          退出登录
        </Button>
      </Card>
    </div>
  );
}
