import type { Driver } from './driver.ts';

type HookWindow = Window & { __obMap?: import('maplibre-gl').Map };

// Vocabulary for the 推荐选址 tests; selectors live here only.
export class RecommendDriver {
  constructor(readonly driver: Driver) {}

  get page() {
    return this.driver.page;
  }

  async open(): Promise<void> {
    await this.page.getByTestId('tool-recommend').click();
    await this.page.getByTestId('recommend-panel').waitFor({ state: 'visible' });
  }

  async ask(need: { areaMu: number; industry?: string; maxRoadDistanceM?: number }): Promise<void> {
    await (await this.input('recommend-area')).fill(String(need.areaMu));
    if (need.industry !== undefined) await this.page.getByTestId('recommend-industry').fill(need.industry);
    if (need.maxRoadDistanceM !== undefined) await (await this.input('recommend-max-road')).fill(String(need.maxRoadDistanceM));
    await this.page.getByTestId('recommend-submit').click();
    await this.page.getByTestId('recommend-result').waitFor({ state: 'visible', timeout: 30_000 });
  }

  /** antd puts a test id on the input itself or on its wrapper, depending on the addons. */
  private async input(testId: string) {
    const el = this.page.getByTestId(testId).first();
    await el.waitFor({ state: 'attached' });
    return (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
  }

  explanation(): Promise<string> {
    return this.page.getByTestId('recommend-explanation').innerText();
  }

  /** The ranked list as shown: candidate id, score and the item's text, in order. */
  async items(): Promise<{ id: number; score: number; text: string }[]> {
    const items = this.page.locator('[data-testid^="recommend-item-"]');
    const n = await items.count();
    const out = [];
    for (let i = 0; i < n; i++) {
      const item = items.nth(i);
      const score = Number((await item.getByTestId('recommend-score').innerText()).replace(/[^\d.]/g, ''));
      out.push({ id: Number(await item.getAttribute('data-candidate-id')), score, text: await item.innerText() });
    }
    return out;
  }

  async select(rank: number): Promise<void> {
    await this.page.getByTestId(`recommend-item-${rank}`).click();
    await this.page.getByTestId('recommend-reasons').waitFor({ state: 'visible' });
  }

  reasons(): Promise<string> {
    return this.page.getByTestId('recommend-reasons').innerText();
  }

  /** Numbered markers on the map. */
  markerCount(): Promise<number> {
    return this.page.locator('[data-testid^="candidate-marker-"]').count();
  }

  /** The map's centre once it has stopped moving. */
  async mapCentre(): Promise<[number, number]> {
    await this.page.waitForFunction(() => {
      const map = (window as HookWindow).__obMap;
      return !!map && !map.isMoving() && map.loaded();
    }, undefined, { timeout: 15_000 });
    return this.page.evaluate(() => {
      const c = (window as HookWindow).__obMap!.getCenter();
      return [c.lng, c.lat] as [number, number];
    });
  }

  async compare(ranks: number[]): Promise<void> {
    for (const rank of ranks) await this.page.getByTestId(`recommend-compare-${rank}`).click();
    await this.page.getByTestId('recommend-compare-open').click();
    await this.page.getByTestId('recommend-compare-table').waitFor({ state: 'visible' });
  }

  compareRow(key: string): Promise<string> {
    return this.page.getByTestId(`recommend-compare-row-${key}`).innerText();
  }

  /** The small drawings of the compared candidates: one per rank, with its scale label. */
  async shapes(ranks: number[]): Promise<{ rank: number; paths: number; scale: string }[]> {
    return Promise.all(
      ranks.map(async (rank) => {
        const svg = this.page.getByTestId(`recommend-shape-${rank}`);
        await svg.waitFor({ state: 'visible' });
        return { rank, paths: await svg.locator('path[fill-rule="evenodd"]').count(), scale: await this.page.getByTestId(`recommend-shape-${rank}-scale`).textContent() ?? '' };
      }),
    );
  }

  async closeCompare(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('recommend-compare-table').waitFor({ state: 'hidden' });
  }

  /** 以此为选址 on the selected candidate: the 选址分析 panel opens with it. */
  async useSelected(): Promise<void> {
    await this.page.getByTestId('recommend-use-site').click();
    await this.page.getByTestId('siting-panel').waitFor({ state: 'visible' });
  }
}
