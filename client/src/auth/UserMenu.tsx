import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Modal, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useNavigate } from 'react-router-dom';
import { describeScope, roleNames } from './scope-label';
import { useLogout, useSession } from './use-session';

export function UserMenu() {
  const { data: user } = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  const scope = describeScope(user.scope);
  return (
    <div className="user-menu" data-testid="user-menu">
      <Space size={8} align="center">
        <UserOutlined />
        <span className="user-name" data-testid="user-display-name">
          {user.displayName}
        </span>
        {roleNames(user).map((name) => (
          <Tag key={name} color="blue" className="user-role">
            {name}
          </Tag>
        ))}
        <Tooltip title="数据范围">
          <span className="user-scope" data-testid="user-scope">
            {scope}
          </span>
        </Tooltip>
        <Button type="text" size="small" icon={<KeyOutlined />} data-testid="change-password" onClick={() => setChanging(true)}>
          修改密码
        </Button>
        <Modal title="修改密码" open={changing} onCancel={() => setChanging(false)} footer={null} destroyOnHidden>
          <ChangePasswordForm
            username={user.username}
            onDone={() => {
              setChanging(false);
              message.success('密码已修改，其他设备上的登录已退出');
            }}
          />
        </Modal>
        <Button
          type="text"
          size="small"
          className="logout-button"
          icon={<LogoutOutlined />}
          loading={logout.isPending}
          data-testid="logout"
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
        >
          退出登录
        </Button>
      </Space>
    </div>
  );
}
