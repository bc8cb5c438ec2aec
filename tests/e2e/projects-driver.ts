import { request, type APIRequestContext } from 'playwright-core';
import type { Driver } from './driver.ts';

// Vocabulary for the 重点项目 and 审查任务 tests; selectors live here only.
export class ProjectsDriver {
  constructor(readonly driver: Driver) {}

  get page() {
    return this.driver.page;
  }

  /** 以此选址新建项目 under a siting result, the form filled, created; returns the code shown. */
  async createFromSite(input: { name: string; unit: string; investmentWan: number }): Promise<void> {
    await this.page.getByTestId('project-create-from-site').click();
    await this.page.getByTestId('project-create-form').waitFor({ state: 'visible' });
    await this.page.getByTestId('project-form-name').fill(input.name);
    await this.page.getByTestId('project-form-unit').fill(input.unit);
    await this.page.getByTestId('project-form-investment').fill(String(input.investmentWan));
    await this.page.getByTestId('project-create-submit').click();
  }

  async formClassification(): Promise<string> {
    return this.page.getByTestId('project-form-classification').innerText();
  }

  async createError(): Promise<string> {
    const alert = this.page.getByTestId('project-create-error');
    await alert.waitFor({ state: 'visible', timeout: 15_000 });
    return alert.innerText();
  }

  async waitForPanel(): Promise<void> {
    await this.page.getByTestId('project-panel').getByTestId('project-code').waitFor({ state: 'visible', timeout: 30_000 });
  }

  panelText(testId: string): Promise<string> {
    return this.page.getByTestId('project-panel').getByTestId(testId).innerText();
  }

  async tab(label: string): Promise<void> {
    await this.page.getByTestId('project-panel').getByRole('tab', { name: new RegExp(`^${label}`) }).click();
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('project-action-submit').click();
    await this.page.getByTestId('project-round-1').waitFor({ state: 'visible', timeout: 30_000 });
  }

  roundStatus(round: number): Promise<string | null> {
    return this.page.getByTestId(`project-round-${round}`).getAttribute('data-status');
  }

  taskOf(round: number, department: string): Promise<string> {
    return this.page.getByTestId(`project-round-${round}`).getByTestId(`project-task-${department}`).innerText();
  }

  actionsText(): Promise<string> {
    return this.page.getByTestId('project-actions').innerText();
  }

  // 审查任务 page.
  async openTasks(): Promise<void> {
    await this.driver.open('/tasks');
    await this.page.getByTestId('tasks-page').waitFor({ state: 'visible', timeout: 30_000 });
  }

  /** The header bell: the unread count, then a click on the notification naming `text`. */
  async unreadCount(): Promise<number> {
    const badge = this.page.getByTestId('notifications-count').locator('.ant-badge-count');
    await badge.waitFor({ state: 'visible', timeout: 30_000 });
    return Number((await badge.getAttribute('title')) ?? (await badge.innerText()));
  }

  async openNotification(text: string): Promise<void> {
    await this.page.getByTestId('notifications-bell').click();
    await this.page.getByTestId('notifications-list').getByText(text).first().click();
  }

  async openTaskOf(projectName: string): Promise<void> {
    await this.page.getByTestId('tasks-table').getByText(projectName).first().click();
    await this.page.getByTestId('task-detail').getByTestId('task-project-name').filter({ hasText: projectName }).waitFor({ state: 'visible', timeout: 30_000 });
  }

  opinionText(): Promise<string> {
    return this.page.getByTestId('task-opinion-text').inputValue();
  }

  async answer(verdict: '同意' | '有条件同意' | '不同意', text: string): Promise<void> {
    await this.page.getByTestId('task-verdict').getByText(verdict, { exact: true }).click();
    await this.page.getByTestId('task-opinion-text').fill(text);
    await this.page.getByTestId('task-submit').click();
    await this.page.getByTestId('task-answered').waitFor({ state: 'visible', timeout: 30_000 });
  }

  answeredText(): Promise<string> {
    return this.page.getByTestId('task-answered').innerText();
  }
}

/** A logged-in API client apart from the browser (other departments answering their tasks). */
export async function apiAs(baseUrl: string, username: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl, extraHTTPHeaders: { Origin: new URL(baseUrl).origin } });
  const res = await api.post('/api/auth/login', { data: { username, password } });
  if (!res.ok()) throw new Error(`login ${username}: ${res.status()} ${await res.text()}`);
  return api;
}
