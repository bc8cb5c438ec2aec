import { App } from 'antd';
import { useEffect } from 'react';
import { setMessageApi } from './feedback';

/** Hands the context-aware antd message API to the non-React feedback helper. */
export function FeedbackBridge() {
  const { message } = App.useApp();
  useEffect(() => {
    setMessageApi(message);
    return () => setMessageApi(null);
  }, [message]);
  return null;
}
