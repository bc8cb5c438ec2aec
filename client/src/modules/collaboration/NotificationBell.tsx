import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { fetchNotifications, projectKeys } from '../../api/projects.api';

/** The header bell: unread count and the latest in-app notifications (new task, deadline near, round result). */
export function NotificationBell() {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const query = useQuery({ queryKey: projectKeys.notifications, queryFn: fetchNotifications, refetchInterval: 60_000, meta: { silent: true } });
  const items = query.data ?? [];
  const unread = items.filter((n) => !n.read).length;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title="通知"
      content={
        <div style={{ width: 340, maxHeight: 420, overflowY: 'auto' }} data-testid="notifications-list">
          {items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
          ) : (
            <List
              size="small"
              dataSource={items.slice(0, 30)}
              renderItem={(n) => (
                <List.Item
                  style={{ cursor: n.link ? 'pointer' : undefined }}
                  onClick={() => {
                    if (!n.link) return;
                    setOpen(false);
                    navigate(n.link);
                  }}
                  data-testid={`notification-${n.id}`}
                >
                  <div>
                    <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {new Date(n.createdAt).toLocaleString('zh-CN', { hour12: false })}
                      </Typography.Text>
                    </div>
                  </div>
                </List.Item>
              )}
            />
          )}
        </div>
      }
    >
      <Badge count={unread} size="small" offset={[-4, 4]} data-testid="notifications-count">
        <Button type="text" icon={<BellOutlined style={{ color: '#fff', fontSize: 18 }} />} aria-label="通知" data-testid="notifications-bell" />
      </Badge>
    </Popover>
  );
}
