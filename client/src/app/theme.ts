import type { ThemeConfig } from 'antd';

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fa8',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: '#10325a', headerHeight: 56, headerPadding: '0 16px' },
    Menu: { darkItemBg: '#10325a', darkItemSelectedBg: '#1f5fa8' },
  },
};
