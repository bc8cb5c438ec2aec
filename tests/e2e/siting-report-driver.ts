import type { Page } from 'playwright-core';

// Vocabulary for the siting report tests; selectors live here only.
export class SitingReportDriver {
  constructor(readonly page: Page) {}

  /** 生成选址报告 under the verdict; returns the number the panel shows. */
  async create(): Promise<string> {
    await this.page.getByTestId('siting-report-create').click();
    const number = this.page.getByTestId('siting-report-number');
    await number.waitFor({ state: 'visible', timeout: 30_000 });
    return number.innerText();
  }

  /** 打开报告: the report opens in a new tab; waits until its map image has loaded. */
  async openInNewTab(): Promise<Page> {
    const [tab] = await Promise.all([this.page.context().waitForEvent('page'), this.page.getByTestId('siting-report-open').click()]);
    await tab.getByTestId('report-page').waitFor({ state: 'visible', timeout: 30_000 });
    await tab.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="report-map"]');
      return Boolean(img?.complete && img.naturalWidth > 0);
    }, undefined, { timeout: 30_000 });
    return tab;
  }

  static async reportNumber(tab: Page): Promise<string> {
    return tab.getByTestId('report-number').innerText();
  }

  static async mapImageSize(tab: Page): Promise<{ width: number; height: number }> {
    return tab.getByTestId('report-map').evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
  }

  static async verdict(tab: Page): Promise<string | null> {
    return tab.getByTestId('siting-verdict').getAttribute('data-verdict');
  }

  static async pdfHref(tab: Page): Promise<string> {
    return (await tab.getByTestId('report-pdf-download').getAttribute('href')) ?? '';
  }
}
