import type { Driver } from './driver.ts';

// Vocabulary for the 选址分析 tests; selectors live here only.
export type SiteMode = 'polygon' | 'rectangle' | 'circle' | 'edit';

export class SitingDriver {
  constructor(readonly driver: Driver) {}

  get page() {
    return this.driver.page;
  }

  async open(): Promise<void> {
    await this.page.getByTestId('tool-siting').click();
    await this.page.getByTestId('siting-panel').waitFor({ state: 'visible' });
  }

  async chooseMode(mode: SiteMode): Promise<void> {
    await this.page.getByTestId(`siting-mode-${mode}`).click();
  }

  /** Two clicks on the map, page coordinates: a rectangle's opposite corners. */
  async drawRectangle(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    await this.page.mouse.click(from.x, from.y);
    await this.page.waitForTimeout(150);
    await this.page.mouse.move(to.x, to.y, { steps: 8 });
    await this.page.waitForTimeout(150);
    await this.page.mouse.click(to.x, to.y);
    await this.page.waitForTimeout(300);
  }

  liveArea(): Promise<string> {
    return this.page.getByTestId('siting-live-area').innerText();
  }

  async analyze(): Promise<void> {
    await this.page.getByTestId('siting-analyze').click();
    await this.page.getByTestId('siting-verdict').waitFor({ state: 'visible', timeout: 30_000 });
  }

  verdict(): Promise<string> {
    return this.page.getByTestId('siting-verdict').innerText();
  }

  verdictResult(): Promise<string | null> {
    return this.page.getByTestId('siting-verdict').getAttribute('data-verdict');
  }

  areaMu(): Promise<string> {
    return this.page.getByTestId('siting-area-mu').innerText();
  }

  /** The finding row of one layer: its text and the overlap in 亩 as shown. */
  async finding(layer: string): Promise<{ text: string; mu: string }> {
    const row = this.page.getByTestId(`siting-finding-${layer}`);
    await row.waitFor({ state: 'visible' });
    return { text: await row.innerText(), mu: await row.getByTestId('siting-finding-mu').innerText() };
  }
}
