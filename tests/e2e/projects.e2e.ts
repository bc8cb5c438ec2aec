import assert from 'node:assert/strict';
import { DEMO_PASSWORD } from './e2e-config.ts';
import { FarmlandSite, largestFarmlandPatch } from './farmland-site.fixture.ts';
import type { E2ETest } from './harness.ts';
import { apiAs, ProjectsDriver } from './projects-driver.ts';

interface ProjectJson {
  id: number;
  code: string;
  rounds: { round: number; status: string; tasks: { id: number; department: { code: string }; verdict: string | null }[] }[];
}

export const projectsTests: E2ETest[] = [
  {
    id: 'projects-round',
    name: '重点项目: a planner creates a project from a drawn site and submits it, 自然资源和规划局 answers 不同意 on its task page, the planner sees the rejected round',
    async run({ driver, page, screenshot, baseUrl }) {
      // The planner works for 东昌府区: the site over the largest farmland patch there.
      const site = new FarmlandSite(driver, largestFarmlandPatch('371502'));
      const { layers, siting } = site;
      const { corner, inside } = site.target;
      const projects = new ProjectsDriver(driver);
      await site.open('planner');
      // The 重点项目 overlay is on by default.
      await layers.waitForRendered('key-projects-fill').catch(() => undefined);
      assert.equal(await page.getByTestId('project-overlay-toggle').isChecked(), true);

      await site.draw();
      await siting.analyze();
      assert.equal(await siting.verdictResult(), 'forbidden');
      const siteMu = Number((await siting.areaMu()).replace(/[^\d.]/g, ''));

      // The form: county preselected from the analysis, classification previewed with the shared rules.
      const name = `东昌府区液压装备产业园项目${Date.now() % 10000}`;
      await page.getByTestId('project-create-from-site').click();
      await page.getByTestId('project-form-name').fill(name);
      await page.getByTestId('project-form-unit').fill('聊城液压装备有限公司');
      await page.getByTestId('project-form-investment').fill('60000');
      await page.getByTestId('project-form-classification').getByText('重大招商引资项目').waitFor({ state: 'visible' });
      assert.match(await page.getByTestId('project-form-county').innerText(), /东昌府区/);
      await screenshot('form');
      await page.getByTestId('project-create-submit').click();

      await projects.waitForPanel();
      const code = await projects.panelText('project-code');
      assert.match(code, /^LC-371502-\d{4}-\d{4}$/);
      assert.equal(await projects.panelText('project-stage'), '谋划');
      assert.match(await projects.panelText('project-classification'), /重大招商引资项目[\s\S]*60 000 万元/);
      await projects.tab('选址');
      const sites = await projects.panelText('project-sites');
      assert.match(sites, /第 1 版（当前）/);
      const storedMu = Number(/([\d,]+\.\d+) 亩/.exec(sites)?.[1]?.replace(/,/g, ''));
      assert.ok(Math.abs(storedMu / siteMu - 1) < 0.001, `stored ${storedMu} 亩 vs analysed ${siteMu} 亩`);
      await screenshot('created');

      await projects.submit();
      assert.equal(await projects.roundStatus(1), 'open');
      assert.match(await projects.taskOf(1, 'zrzy'), /市自然资源和规划局[\s\S]*待答复/);
      await screenshot('submitted');

      // The other departments agree over the API; 自然资源和规划局 answers last, in the browser.
      const planner = await apiAs(baseUrl, 'planner', DEMO_PASSWORD);
      const list = (await (await planner.get(`/api/projects?q=${encodeURIComponent(name)}`)).json()) as { items: { id: number }[] };
      const id = list.items[0]!.id;
      const detail = (await (await planner.get(`/api/projects/${id}`)).json()) as ProjectJson;
      const others = detail.rounds[0]!.tasks.filter((t) => t.department.code !== 'zrzy');
      assert.ok(others.length >= 1, 'more departments than 自然资源和规划局 were assigned');
      for (const t of others) {
        const reviewer = await apiAs(baseUrl, t.department.code, DEMO_PASSWORD);
        const res = await reviewer.post(`/api/tasks/${t.id}/opinion`, { data: { verdict: 'agree', text: '经审查，原则同意。' } });
        assert.equal(res.status(), 200, await res.text());
        await reviewer.dispose();
      }
      await planner.dispose();

      await driver.logout();
      await driver.login('zrzy', DEMO_PASSWORD);
      // The bell counts the new task and links to it.
      assert.ok((await projects.unreadCount()) >= 1);
      await projects.openNotification(name);
      await page.getByTestId('tasks-page').waitFor({ state: 'visible', timeout: 30_000 });
      await projects.openTaskOf(name);
      const draft = await projects.opinionText();
      assert.ok(draft.length > 5, `draft opinion pre-filled: ${draft}`);
      assert.match(draft, /永久基本农田/, `the draft names the farmland: ${draft}`);
      await page.getByTestId('task-detail').getByTestId('siting-finding-farmland').waitFor({ state: 'visible' });
      await page.getByTestId('task-map').waitFor({ state: 'visible' });
      // The task's own map: the site drawn, its farmland overlap outlined, the fit to the site finished.
      await layers.waitForRendered('project-site-current');
      await layers.waitForRendered('site-conflicts-line');
      await screenshot('task');
      await projects.answer('不同意', `${draft} 选址占用永久基本农田，不同意。`);
      assert.match(await projects.answeredText(), /不同意/);
      await screenshot('answered');

      await driver.logout();
      await driver.login('planner', DEMO_PASSWORD);
      await driver.open(`/blueprint?project=${id}`);
      await driver.waitForMap();
      await projects.waitForPanel();
      await projects.tab('会商');
      await page.getByTestId('project-round-1').waitFor({ state: 'visible' });
      assert.equal(await projects.roundStatus(1), 'rejected');
      assert.match(await projects.taskOf(1, 'zrzy'), /不同意[\s\S]*占用永久基本农田/);
      const actions = await projects.actionsText();
      assert.match(actions, /调整后重新提交/);
      assert.match(actions, /提报联席会议/);
      assert.match(actions, /调整选址/);
      await screenshot('rejected');

      // 调整选址: the siting panel takes the current site; a smaller one drawn instead becomes version 2.
      await page.getByTestId('project-adjust-site').click();
      await page.getByTestId('siting-panel').waitFor({ state: 'visible' });
      assert.match(await page.getByTestId('siting-notice').innerText(), /第 1 版选址/);
      await page.getByTestId('siting-clear').click();
      await siting.chooseMode('rectangle');
      // The panel took the current site and flies to it: draw once the map stands still, around the
      // middle of that site (its north-east corner ends up under the panel).
      await layers.idle();
      const again = await layers.screenPoint([(corner[0] + inside[0]) / 2, (corner[1] + inside[1]) / 2]);
      await siting.drawRectangle({ x: again.x - 60, y: again.y - 40 }, { x: again.x + 40, y: again.y + 30 });
      await siting.analyze();
      const newMu = Number((await siting.areaMu()).replace(/[^\d.]/g, ''));
      await page.getByTestId('project-save-site').click();
      await projects.waitForPanel();
      await projects.tab('选址');
      const versions = await projects.panelText('project-sites');
      assert.match(versions, /第 2 版（当前）/);
      const change = Number((/较第 1 版 ([+−][\d,.]+) 亩/.exec(versions)?.[1] ?? 'NaN').replace('−', '-').replace(/,/g, ''));
      assert.ok(Math.abs(change - (newMu - storedMu)) <= 0.011, `change ${change} vs ${newMu} − ${storedMu}`);
      await screenshot('site-v2');

      await page.getByTestId('project-action-submit').click();
      await page.getByTestId('project-round-2').waitFor({ state: 'visible', timeout: 30_000 });
      assert.equal(await projects.roundStatus(2), 'open');
      await screenshot('round-2');
    },
  },
];
