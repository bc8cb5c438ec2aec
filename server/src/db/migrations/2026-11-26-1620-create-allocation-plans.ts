import type { Knex } from 'knex';

/**
 * Allocation plans (要素配置方案, issue 6 item 3) and the database's own guard that no project is
 * allocated beyond its demand: a 分配 to a project account that would take the project's net
 * allocation of a factor (分配 in minus 收回 out, every year) above its need is refused by a trigger,
 * whatever code posts it.
 */
export async function up(knex: Knex) {
  await knex.schema.createTable('allocation_plans', (t) => {
    t.comment('Allocation plans: per factor the demand against county and city pools, gaps with proposed solutions; approval posts the 分配 movements.');
    t.increments('id');
    t.string('number', 32).notNullable().unique();
    t.integer('project_id').notNullable().references('projects.id').onDelete('cascade');
    t.integer('year').notNullable();
    t.string('status', 12).notNullable().defaultTo('draft').checkIn(['draft', 'approved', 'superseded'], 'allocation_plans_status_check');
    // [{ factor, needed, allocatedBefore, fromCounty, fromCity, gap, solution: { kind, fromCode?, fromName?, note }, deadline }]
    t.jsonb('items').notNullable();
    t.boolean('complete').notNullable();
    t.integer('created_by').references('users.id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('approved_by').references('users.id');
    t.timestamp('approved_at', { useTz: true });
    t.index(['project_id']);
    t.check(`(status = 'approved') = (approved_at is not null)`, [], 'allocation_plans_approved_check');
  });
  await knex.raw(`create unique index allocation_plans_one_draft on allocation_plans (project_id) where status = 'draft'`);

  await knex.raw(`
    create or replace function factor_allocation_within_demand() returns trigger language plpgsql as $$
    declare
      target record;
      need_key text;
      needed numeric;
      net numeric;
    begin
      if new.kind <> '分配' then return new; end if;
      select a.factor, a.project_id into target from factor_accounts a where a.id = new.to_account_id and a.owner_kind = 'project';
      if not found then return new; end if;
      need_key := case target.factor when 'land' then 'landMu' when 'energy' then 'energyTce' when 'coal' then 'coalT'
        when 'cod' then 'codT' when 'nh3n' then 'nh3nT' when 'so2' then 'so2T' when 'nox' then 'noxT' when 'vocs' then 'vocsT'
        when 'funds' then 'fundsWan' else null end;
      if need_key is null then return new; end if;
      select coalesce((p.needs ->> need_key)::numeric, 0) into needed from projects p where p.id = target.project_id;
      select coalesce(sum(case when m.kind = '分配' and ta.owner_kind = 'project' then m.amount
                               when m.kind = '收回' and fa.owner_kind = 'project' then -m.amount else 0 end), 0)
        into net
        from factor_movements m
        join factor_accounts ta on ta.id = m.to_account_id
        join factor_accounts fa on fa.id = m.from_account_id
       where (ta.project_id = target.project_id and ta.factor = target.factor and m.kind = '分配')
          or (fa.project_id = target.project_id and fa.factor = target.factor and m.kind = '收回');
      if net + new.amount > needed then
        raise exception 'allocation beyond demand: project %, factor %, needed %, allocated %, requested %', target.project_id, target.factor, needed, net, new.amount
          using errcode = 'check_violation', constraint = 'factor_allocation_within_demand';
      end if;
      return new;
    end $$`);
  await knex.raw(`create trigger factor_movements_within_demand before insert on factor_movements for each row execute function factor_allocation_within_demand()`);
}

export async function down(knex: Knex) {
  await knex.raw('drop trigger factor_movements_within_demand on factor_movements');
  await knex.raw('drop function factor_allocation_within_demand()');
  await knex.schema.dropTable('allocation_plans');
}
