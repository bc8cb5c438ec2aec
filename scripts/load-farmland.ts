import type { Knex } from 'knex';
import { readFileSync } from 'node:fs';
import { refreshLayerStats } from '../server/src/modules/blueprint/layers.repository.ts';

/**
 * Replaces the demo 永久基本农田 in the database with `count` generated patches (for benchmarks:
 * `npm run data -- --farmland 1000000`). The grid cell is sized so that about `count` cells remain
 * after the exclusions; the layer's version goes up so tiles and caches refresh.
 */
export async function loadDenseFarmland(knex: Knex, count: number, log: (line: string) => void) {
  const layer = await knex('layers').where({ key: 'farmland' }).first('id', 'version');
  if (!layer) throw new Error('数据库中没有 farmland 图层：请先启动一次应用以写入演示数据');
  const free = await knex.raw(`
    select ST_Area(ST_Transform(geom, 4527)) - coalesce((
      select sum(ST_Area(ST_Transform(f.geom, 4527))) from layer_features f join layers l on l.id = f.layer_id
      where l.key in ('town-development-boundary', 'ecological-redline', 'water-source-protection', 'stock-land', 'lakes')), 0) as m2
    from regions where level = 'city'`);
  // 12 % more cells than needed: cells cut by boundaries and exclusions are dropped.
  const cell = Math.sqrt(free.rows[0].m2 / (count * 1.12));
  log(`网格边长 ${cell.toFixed(1)} 米，目标 ${count} 个图斑…`);
  const sql = readFileSync(new URL('./sql/farmland-grid.sql', import.meta.url), 'utf8');
  await knex.transaction(async (trx) => {
    await trx('layer_features').where({ layer_id: layer.id }).del();
    await trx.raw(sql, { cell, count, layerId: layer.id });
    await trx('layers').where({ id: layer.id }).update({ version: layer.version + 1 });
    await refreshLayerStats(trx, layer.id);
  });
  const after = await knex('layers').where({ id: layer.id }).first('feature_count');
  log(`永久基本农田：${after.feature_count} 个图斑已写入数据库`);
  return after.feature_count as number;
}
