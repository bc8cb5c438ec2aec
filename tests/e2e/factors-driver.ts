import type { Download, Page } from 'playwright-core';

// Vocabulary for the 要素保障 tests; selectors live here only.
export class FactorsDriver {
  constructor(readonly page: Page) {}

  async openFromNav(): Promise<void> {
    await this.page.getByTestId('main-nav').getByText('要素保障').click();
    await this.page.getByTestId('factors-page').waitFor({ state: 'visible', timeout: 30_000 });
    await this.page.locator('[data-testid^="balance-"]').first().waitFor({ state: 'visible', timeout: 30_000 });
  }

  /** The figure a balance cell holds (its data-value), null for "—". */
  async balance(ownerCode: string, factor: string): Promise<number | null> {
    const v = await this.page.getByTestId(`balance-${ownerCode}-${factor}`).getAttribute('data-value');
    return v ? Number(v) : null;
  }

  /** Unit names in the balances table, top to bottom. */
  async balanceUnits(): Promise<string[]> {
    return this.page.getByTestId('factor-balance-table').locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
  }

  /** Waits for the trend chart and counts its painted (non-transparent, non-white) canvas pixels. */
  async trendPaintedPixels(): Promise<number> {
    const chart = this.page.getByTestId('factor-trend-chart');
    await chart.locator('canvas').waitFor({ state: 'attached', timeout: 30_000 });
    // ECharts animates the first drawing in: count once the picture has come to rest, i.e. the canvas
    // is the same over consecutive animation frames (frames, not time: a loaded machine draws fewer).
    // (No named functions inside the page function: tsx would wrap them in a helper the page lacks.)
    return chart
      .locator('canvas')
      .first()
      .evaluate(async (c: HTMLCanvasElement) => {
        const STILL_FRAMES = 10;
        const started = performance.now();
        let last = '';
        let still = 0;
        for (;;) {
          await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
          if (!c.isConnected) throw new Error('the trend chart was drawn anew while waiting for it');
          const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
          let painted = 0;
          let hash = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) painted++;
            hash = (hash * 31 + data[i]! + 7 * data[i + 1]! + 13 * data[i + 2]! + 17 * data[i + 3]!) | 0;
          }
          const picture = `${painted}:${hash}`;
          still = picture === last ? still + 1 : 0;
          last = picture;
          if (painted > 0 && still >= STILL_FRAMES) return painted;
          if (performance.now() - started > 30_000) throw new Error(`the trend chart never came to rest (${painted} pixels painted)`);
        }
      });
  }

  /** Picks the trend's factor; resolves once the chart of the last factor is gone (the new one is drawn anew). */
  async chooseTrendFactor(label: string): Promise<void> {
    const previous = await this.page.getByTestId('factor-trend-chart').locator('canvas').first().elementHandle();
    await this.choose(this.page.getByTestId('factor-trend-factor'), label);
    if (previous) await this.page.waitForFunction((canvas) => !canvas.isConnected, previous, { timeout: 30_000 });
  }

  /** Waits until the tab bar has come to rest: the ink bar under the active tab and no longer sliding. */
  async waitForTabBar(): Promise<void> {
    await this.page.waitForFunction(
      () => {
        const nav = document.querySelector('[data-testid="factors-page"] .ant-tabs-nav');
        const bar = nav?.querySelector<HTMLElement>('.ant-tabs-ink-bar');
        const tab = nav?.querySelector('.ant-tabs-tab-active');
        if (!bar || !tab) return false;
        const [a, b] = [bar.getBoundingClientRect(), tab.getBoundingClientRect()];
        return bar.getAnimations().length === 0 && Math.abs(a.left + a.width / 2 - (b.left + b.width / 2)) < 1;
      },
      null,
      { timeout: 15_000, polling: 'raf' },
    );
  }

  async openTab(name: '余额与走势' | '台账' | '拆借'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  private async choose(select: ReturnType<Page['getByTestId']>, label: string): Promise<void> {
    await select.click();
    await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label }).first().click();
  }

  /** 台账: filter by business kind (and factor) and search; resolves when the table shows the new answer. */
  async filterLedger(kind: string, factorLabel?: string): Promise<void> {
    await this.choose(this.page.getByTestId('ledger-filter-kind'), kind);
    if (factorLabel) await this.choose(this.page.getByTestId('ledger-filter-factor'), factorLabel);
    const answer = this.page.waitForResponse((r) => r.url().includes('/api/factors/movements') && r.url().includes(`kind=${encodeURIComponent(kind)}`));
    await this.page.getByTestId('ledger-search').click();
    await answer;
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="factor-ledger-table"] .ant-spin-spinning'));
  }

  /** 台账: clear the filters, then look for a document number (matched in the browser over the whole ledger). */
  async filterLedgerByDocument(text: string): Promise<void> {
    await this.page.getByTestId('ledger-reset').click();
    await this.page.getByTestId('ledger-filter-doc').fill(text);
    const answer = this.page.waitForResponse((r) => r.url().includes('/api/factors/movements') && r.url().includes('pageSize=500'));
    await this.page.getByTestId('ledger-search').click();
    await answer;
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="factor-ledger-table"] .ant-spin-spinning'));
  }

  async ledgerKinds(): Promise<string[]> {
    return this.page.getByTestId('factor-ledger-table').getByTestId('ledger-kind').allInnerTexts();
  }

  async ledgerTotal(): Promise<number> {
    const text = await this.page.getByTestId('ledger-total').innerText();
    return Number(/(\d+)/.exec(text)?.[1] ?? NaN);
  }

  /** 导出 Excel; resolves with the saved download. */
  async exportLedger(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: 60_000 }), this.page.getByTestId('ledger-export').click()]);
    return download;
  }

  async setLoansAsOf(date: string): Promise<void> {
    await this.page.getByTestId('loans-as-of').fill(date);
  }

  async overdueLoanTags(): Promise<string[]> {
    await this.page.getByTestId('factor-loans-table').waitFor({ state: 'visible' });
    return this.page.getByTestId('loan-overdue').allInnerTexts();
  }

  // --- the 要素余量 layer on the map ---

  async showCapacity(factorLabel?: string): Promise<void> {
    await this.page.getByTestId('factor-capacity-toggle').click();
    if (factorLabel) await this.choose(this.page.getByTestId('factor-capacity-factor'), factorLabel);
    await this.page.getByTestId('factor-capacity-legend').waitFor({ state: 'visible' });
  }

  async capacityLegend(): Promise<string[]> {
    return this.page.getByTestId('factor-capacity-legend').locator('.factor-capacity-row').allInnerTexts();
  }
}
