export const SYSTEM_SHORT_NAME = '一张蓝图';
export const SYSTEM_FULL_NAME = '聊城市重点项目全周期协同管理系统';
export const SYSTEM_TITLE = `${SYSTEM_SHORT_NAME} · ${SYSTEM_FULL_NAME}`;
