// Lets code outside React (query caches) show antd messages that still honour ConfigProvider.
type MessageApi = { error: (content: string) => unknown };

let messageApi: MessageApi | null = null;

export function setMessageApi(api: MessageApi | null): void {
  messageApi = api;
}

export function showError(content: string): void {
  if (messageApi) messageApi.error(content);
  else console.warn(content);
}
