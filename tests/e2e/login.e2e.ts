import assert from 'node:assert/strict';
import type { E2ETest } from './harness.ts';

const HAN = /[\u4e00-\u9fff]/;

export const loginTests: E2ETest[] = [
  {
    id: 'login-wrong-password',
    name: 'a wrong password keeps the user on the login page with a Chinese error',
    async run({ driver, page, baseUrl, screenshot }) {
      await driver.open('/');
      await driver.waitForLoginPage();
      assert.equal(driver.pathname(), '/login', 'an anonymous visit is sent to /login');
      await page.getByText('一张蓝图 · 聊城市重点项目全周期协同管理系统').waitFor();

      const health = (await (await page.request.get(`${baseUrl}/api/health`)).json()) as { demo: boolean };
      assert.equal(await page.getByTestId('demo-note').isVisible(), health.demo, 'the 演示环境 note follows health.demo');

      await driver.submitLogin('planner', 'wrong-password-1');
      const message = await driver.loginError();
      await screenshot('error');
      assert.match(message, HAN, `the error is in Chinese: "${message}"`);
      assert.doesNotMatch(message, /error|invalid|unauthori[sz]ed/i, `no English error text: "${message}"`);
      assert.equal(driver.pathname(), '/login');
      assert.equal(await page.getByTestId('user-menu').count(), 0, 'not signed in');
    },
  },
];
