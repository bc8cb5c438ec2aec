import assert from 'node:assert/strict';
import { DEMO_PASSWORD } from './e2e-config.ts';
import type { E2ETest } from './harness.ts';
import { apiAs } from './projects-driver.ts';
import { poll } from './wait.ts';

// A 200 m × 170 m square in 东昌府区's central city (lon/lat).
const SITE = { type: 'Polygon', coordinates: [[[116.03, 36.42], [116.032, 36.42], [116.032, 36.4215], [116.03, 36.4215], [116.03, 36.42]]] };

export const meetingsTests: E2ETest[] = [
  {
    id: 'meetings-decide',
    name: '联席会议: the command puts a rejected project’s problem on a meeting’s agenda and adopts it; the project enters 储备',
    async run({ driver, page, screenshot, baseUrl }) {
      // Setup over the API: a project, a round with one 不同意, the problem raised by the planner.
      const planner = await apiAs(baseUrl, 'planner', DEMO_PASSWORD);
      const name = `联席会议界面测试项目${Date.now().toString(36)}`;
      const created = await (await planner.post('/api/projects', { data: { name, unitName: '聊城会议测试有限公司', county: '371502', type: '社会投资', needs: { landMu: 40 }, site: { geometry: SITE } } })).json();
      const submission = await (await planner.post(`/api/projects/${created.id}/submissions`, { data: {} })).json();
      for (const t of submission.tasks as { id: number; department: string }[]) {
        const reviewer = await apiAs(baseUrl, t.department, DEMO_PASSWORD);
        const verdict = t.department === 'zrzy' ? 'disagree' : 'agree';
        assert.equal((await reviewer.post(`/api/tasks/${t.id}/opinion`, { data: { verdict, text: verdict === 'agree' ? '同意。' : '不同意。' } })).status(), 200);
      }
      const problem = await planner.post(`/api/projects/${created.id}/problems`, { data: { title: `${name}用地问题`, description: '确有必要建设，提请联席会议会商' } });
      assert.equal(problem.status(), 201);
      const problemId = (await problem.json()).id as number;

      await driver.open('/meetings');
      await driver.waitForLoginPage();
      await driver.login('city', DEMO_PASSWORD);
      await page.getByTestId('meetings-page').waitFor({ state: 'visible' });
      const row = page.locator(`[data-row-key="${problemId}"]`).first();
      await row.waitFor({ state: 'visible' });
      await row.locator('input[type="checkbox"]').check();
      await page.getByTestId('meeting-title').fill(`${name}专题联席会议`);
      // Typed, not picked from the calendar popup (its cells move while it animates open).
      const date = page.getByTestId('meeting-date');
      await date.click();
      await date.fill('2026-12-01');
      // Enter confirms the date and submits the form (a valid form submits on Enter); the button is the fallback.
      await date.press('Enter');
      const meetingRow = page.getByTestId('meetings-card').locator(`[data-row-key="${problemId}"]`).first();
      if (!(await meetingRow.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false))) {
        await page.getByTestId('meeting-submit').click();
        await meetingRow.waitFor({ state: 'visible' });
      }
      await meetingRow.locator('.ant-table-row-expand-icon').click();
      const form = page.getByTestId(`decision-form-${problemId}`);
      await form.waitFor({ state: 'visible' });
      await form.getByTestId('decision-text').fill('同意纳入储备，由自然资源和规划局指导落实占补平衡');
      await form.getByTestId('decision-submit').click();
      await page.getByTestId('meetings-card').getByText('同意纳入储备', { exact: true }).first().waitFor({ state: 'visible' });
      await screenshot('decided');

      const project = await (await planner.get(`/api/projects/${created.id}`)).json();
      assert.equal(project.stage, '储备');
      assert.deepEqual(project.history.map((h: { action: string }) => h.action), ['create', 'submit', 'escalate', 'meeting_adopt']);
    },
  },
  {
    id: 'audit-search',
    name: '审计日志: the auditor finds the planner’s logins by account and action',
    async run({ driver, page, screenshot, baseUrl }) {
      await apiAs(baseUrl, 'planner', DEMO_PASSWORD);
      await driver.open('/audit');
      await driver.waitForLoginPage();
      await driver.login('auditor', DEMO_PASSWORD);
      await page.getByTestId('audit-page').waitFor({ state: 'visible' });
      await page.getByTestId('audit-filter-actor').locator('input').fill('planner');
      await page.getByTestId('audit-filter-actor').locator('input').press('Enter');
      await page.getByTestId('audit-filter-action').locator('input').fill('auth.login');
      await page.getByTestId('audit-filter-action').locator('input').press('Enter');
      const rows = page.getByTestId('audit-page').locator('.ant-table-tbody tr.ant-table-row');
      // The table keeps showing the previous page until the filtered answer arrives; the assertions
      // below judge what it shows then (or when the wait gives up).
      const filtered = (t: string[]) => t.length > 0 && t.every((text) => /planner[\s\S]*auth\.login/.test(text));
      const texts = await poll(() => rows.allInnerTexts(), filtered, { what: 'the filtered audit rows', timeout: 15_000 }).catch(() => rows.allInnerTexts());
      assert.ok(texts.length >= 1, 'the planner’s logins are listed');
      for (const t of texts) assert.match(t, /planner[\s\S]*auth\.login/);
      await screenshot('found');
    },
  },
];
