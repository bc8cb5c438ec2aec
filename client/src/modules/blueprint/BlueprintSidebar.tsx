import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';

/** The left panel of the map page; folds away to give the map the whole width. */
export function BlueprintSidebar({ title, children }: { title: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(true);
  if (!open) {
    return (
      <div className="blueprint-sidebar blueprint-sidebar-folded">
        <Tooltip title="展开图层目录" placement="right">
          <Button type="text" icon={<MenuUnfoldOutlined />} onClick={() => setOpen(true)} aria-label="展开图层目录" data-testid="sidebar-open" />
        </Tooltip>
      </div>
    );
  }
  return (
    <aside className="blueprint-sidebar" data-testid="blueprint-sidebar">
      <div className="blueprint-sidebar-header">
        <span className="blueprint-sidebar-title">{title}</span>
        <Button type="text" size="small" icon={<MenuFoldOutlined />} onClick={() => setOpen(false)} aria-label="收起图层目录" data-testid="sidebar-close" />
      </div>
      <div className="blueprint-sidebar-body">{children}</div>
    </aside>
  );
}
