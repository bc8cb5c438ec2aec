import type { Driver } from './driver.ts';
import { drawingShape, readDrawStore, waitForCommitted, waitForDrawing, waitForDrawStore } from './draw-store.ts';

// Vocabulary for the 选址分析 tests; selectors live here only.
export type SiteMode = 'polygon' | 'rectangle' | 'circle' | 'edit';

export class SitingDriver {
  /** The mode last chosen here (terra-draw turns to 'edit' by itself once a shape is finished). */
  private mode: SiteMode = 'polygon';

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
    this.mode = mode;
  }

  /**
   * Two clicks on the map, page coordinates: a rectangle's opposite corners (or a circle's centre and
   * a point of its edge, in circle mode). Each step waits until terra-draw has taken it.
   */
  async drawRectangle(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    const shape = this.mode === 'circle' ? 'circle' : 'rectangle';
    await this.page.mouse.click(from.x, from.y);
    const started = drawingShape(await waitForDrawing(this.page, 'site', shape))!;
    await this.page.mouse.move(to.x, to.y, { steps: 8 });
    await waitForDrawStore(this.page, 'site', (store) => !!drawingShape(store) && drawingShape(store)!.coordinates !== started.coordinates, `the ${shape} following the pointer`);
    await this.page.mouse.click(to.x, to.y);
    await this.waitForSite();
  }

  /**
   * Waits until a site is finished and editable: nothing is being drawn, the site is selected with its
   * handles, and the panel has switched to 编辑 (so the area shown is the finished site's).
   */
  async waitForSite(): Promise<void> {
    await waitForDrawStore(this.page, 'site', (store) => !drawingShape(store) && store.shapes.some((s) => !s.edited) && store.selectionPoints > 0, 'a finished, selected site');
    await this.page.getByTestId('siting-hint').filter({ hasText: /^拖动节点/ }).waitFor({ state: 'visible', timeout: 15_000 });
    this.mode = 'edit';
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

/** Tools of the 选址分析 panel beyond drawing: history, import, parcel picking, findings. */
export class SitingToolsDriver extends SitingDriver {
  async undo(): Promise<void> {
    await this.page.getByTestId('siting-undo').click();
  }

  async redo(): Promise<void> {
    await this.page.getByTestId('siting-redo').click();
  }

  async clear(): Promise<void> {
    await this.page.getByTestId('siting-clear').click();
  }

  /** A key combination with the focus on the map (not in a text field), e.g. 'Control+z'. */
  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  /**
   * Drags with the mouse from one page point to another (a vertex, a resize handle): a drag that
   * changes the site's area. Resolves once terra-draw has finished the edit and the panel shows the
   * new area.
   */
  async drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    const [before] = (await readDrawStore(this.page, 'site')).shapes.map((s) => s.coordinates);
    const areaBefore = await this.liveArea();
    await this.page.mouse.move(from.x, from.y, { steps: 2 });
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 12 });
    await this.page.mouse.up();
    await waitForDrawStore(this.page, 'site', (store) => store.shapes.length === 1 && !store.shapes[0]!.edited && store.shapes[0]!.coordinates !== before, 'the dragged site finished');
    await this.page.waitForFunction((text) => document.querySelector('[data-testid="siting-live-area"]')?.textContent !== text, areaBefore, { timeout: 15_000 });
  }

  /** One click of a polygon being drawn; resolves once terra-draw holds `placed` vertices. */
  async placeVertex(point: { x: number; y: number }, placed: number): Promise<void> {
    await this.page.mouse.move(point.x, point.y, { steps: 4 });
    await this.page.mouse.click(point.x, point.y);
    await waitForCommitted(this.page, 'site', placed);
  }

  /** Ctrl+Z while a polygon is being drawn; resolves once terra-draw is back to `placed` vertices. */
  async undoVertex(placed: number): Promise<void> {
    await this.press('Control+z');
    await waitForCommitted(this.page, 'site', placed);
  }

  /** A click on the first vertex of the polygon being drawn: closes it, waits for the finished site. */
  async closeRing(first: { x: number; y: number }): Promise<void> {
    await this.page.mouse.move(first.x, first.y, { steps: 4 });
    await this.page.mouse.click(first.x, first.y);
    await this.waitForSite();
  }

  /** The live area in 亩 as a number, null while nothing is drawn. */
  async liveMu(): Promise<number | null> {
    const text = await this.liveArea();
    return /亩/.test(text) ? Number(text.replace(/[^\d.]/g, '')) : null;
  }

  async importFile(path: string): Promise<void> {
    await this.page.getByTestId('siting-import-file').setInputFiles(path);
  }

  async chooseCandidate(key: string): Promise<void> {
    await this.page.getByTestId(`siting-import-choice-${key}`).click();
    await this.page.getByTestId('siting-import-choose').click();
  }

  async importError(): Promise<string> {
    const alert = this.page.getByTestId('siting-import-error');
    await alert.waitFor({ state: 'visible', timeout: 30_000 });
    return alert.innerText();
  }

  async startPicking(): Promise<void> {
    await this.page.getByTestId('siting-pick-stock').click();
  }

  async notice(): Promise<string> {
    const alert = this.page.getByTestId('siting-notice');
    await alert.waitFor({ state: 'visible', timeout: 30_000 });
    return alert.innerText();
  }

  async waitForLiveArea(): Promise<number> {
    await this.page.waitForFunction(() => /亩/.test(document.querySelector('[data-testid="siting-live-area"]')?.textContent ?? ''), null, { timeout: 30_000 });
    return (await this.liveMu())!;
  }

  /** The EPSG code the analysis computed its planar area in. */
  async areaEpsg(): Promise<number> {
    const text = await this.page.getByTestId('siting-area').innerText();
    return Number(/EPSG:(\d+)/.exec(text)?.[1]);
  }
}

/** 选址规则 (admin page) vocabulary. */
export class SitingRulesDriver {
  constructor(readonly driver: Driver) {}

  get page() {
    return this.driver.page;
  }

  async open(): Promise<void> {
    await this.page.getByTestId('main-nav').getByText('选址规则').click();
    await this.page.getByTestId('rules-table').waitFor({ state: 'visible', timeout: 30_000 });
    await this.page.getByTestId('rule-row-farmland').waitFor({ state: 'visible', timeout: 30_000 });
  }

  async severityOf(id: string): Promise<string | null> {
    return this.page.getByTestId(`rule-row-${id}`).getByTestId('rule-severity-tag').getAttribute('data-severity');
  }

  async edit(id: string): Promise<void> {
    await this.page.getByTestId(`rule-edit-${id}`).click();
    await this.page.getByTestId('rule-save').waitFor({ state: 'visible' });
  }

  /** Picks a severity by its Chinese label in the drawer's select. */
  async setSeverity(label: string): Promise<void> {
    await this.page.getByTestId('rule-severity').click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) }).click();
  }

  async setMessage(text: string): Promise<void> {
    await this.page.getByTestId('rule-message').fill(text);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('rule-save').click();
  }

  async error(): Promise<string> {
    const alert = this.page.getByTestId('rule-error');
    await alert.waitFor({ state: 'visible', timeout: 15_000 });
    return alert.innerText();
  }
}
