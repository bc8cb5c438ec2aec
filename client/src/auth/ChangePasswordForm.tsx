import { Alert, Button, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { passwordProblem, PASSWORD_MIN_LENGTH } from '../../../common/src/auth.ts';
import { usersApi } from '../api/users.api';
import { queryKeys } from '../api/query-keys';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: the current password, a new one under the policy (checked here and again by the server), twice. */
export function ChangePasswordForm({ username, onDone }: { username: string; onDone?: () => void }) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (v: Values) => usersApi.changeOwnPassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    meta: { silent: true },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.session });
      onDone?.();
    },
  });
  return (
    <Form<Values> layout="vertical" onFinish={(v) => change.mutate(v)} disabled={change.isPending} data-testid="change-password-form">
      <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra={`至少 ${PASSWORD_MIN_LENGTH} 位，含大写字母、小写字母、数字、符号中的至少三类，不含用户名，不与最近 5 次相同`}
        rules={[
          { required: true, message: '请输入新密码' },
          { validator: (_, v: string) => (v && passwordProblem(v, username) ? Promise.reject(new Error(passwordProblem(v, username)!)) : Promise.resolve()) },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({ validator: (_, v: string) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      {change.error && <Alert type="error" showIcon title={change.error.message} style={{ marginBottom: 12 }} data-testid="change-password-error" />}
      <Button type="primary" htmlType="submit" loading={change.isPending} block data-testid="change-password-submit">
        修改密码
      </Button>
    </Form>
  );
}
