import type { Knex } from 'knex';

/**
 * A tamper-evident audit trail (等保 level 3, issue 11 item 15). Triggers stop UPDATE, DELETE and
 * TRUNCATE for the application, but a superuser can switch triggers off; so every row also carries
 * `hash` = SHA-256 over its own content and the previous row's hash. A changed, deleted or inserted-
 * in-between row breaks the chain from there on, and `audit_chain.head_hash` (the last row's hash)
 * shows rows cut off the end. The hash is set by a BEFORE INSERT trigger, so every writer — services,
 * SQL files, the demo seed — chains the same way; the trigger locks the one head row, so concurrent
 * writers are serialised on it until they commit (and ids are drawn under that lock, so id order is
 * chain order).
 *
 * The content hashed (audit_row_content) is text PostgreSQL writes the same way every time: the id, the
 * instant in UTC with microseconds, and jsonb's normalised text for the detail.
 */
export async function up(knex: Knex) {
  await knex.raw(`alter table audit_log add column prev_hash char(64), add column hash char(64)`);
  await knex.raw(`
    create table audit_chain (
      only_row boolean primary key default true check (only_row),
      head_id bigint,
      head_hash char(64) not null default repeat('0', 64)
    )`);
  await knex.raw(`comment on table audit_chain is 'The head of the audit hash chain: id and hash of the newest audit_log row (one row).'`);
  await knex.raw(`
    create or replace function audit_row_content(r audit_log) returns text language sql immutable as $$
      select concat_ws(E'\\x1f', r.id::text, to_char(r.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        coalesce(r.actor_id::text, ''), coalesce(r.actor_username, ''), r.action, coalesce(r.entity_kind, ''),
        coalesce(r.entity_id, ''), r.detail::text, coalesce(r.ip, ''), r.prev_hash)
    $$`);
  await knex.raw(`
    create or replace function audit_row_hash(r audit_log) returns char(64) language sql immutable as $$
      select encode(sha256(convert_to(audit_row_content(r), 'UTF8')), 'hex')
    $$`);
  await knex.raw(`
    create or replace function audit_chain_link() returns trigger language plpgsql
    -- Runs as the owner: a runtime role without UPDATE on audit_chain still moves the head by inserting.
    security definer set search_path = public as $$
    declare
      head audit_chain%rowtype;
    begin
      select * into head from audit_chain where only_row for update;
      -- The id is drawn again under the lock, so id order is chain order even when two writers drew
      -- their default ids in the other order (the first draw leaves a gap, as rolled-back inserts do).
      new.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
      new.prev_hash := head.head_hash;
      new.hash := audit_row_hash(new);
      update audit_chain set head_id = new.id, head_hash = new.hash where only_row;
      return new;
    end $$`);

  // Chain the rows already written, oldest first (the append-only trigger is off for this one update).
  await knex.raw(`insert into audit_chain (only_row) values (true)`);
  await knex.raw(`alter table audit_log disable trigger audit_log_append_only`);
  await knex.raw(`
    do $$
    declare
      r audit_log;
      prev char(64) := repeat('0', 64);
    begin
      for r in select * from audit_log order by id loop
        r.prev_hash := prev;
        r.hash := audit_row_hash(r);
        update audit_log set prev_hash = r.prev_hash, hash = r.hash where id = r.id;
        prev := r.hash;
        update audit_chain set head_id = r.id, head_hash = r.hash where only_row;
      end loop;
    end $$`);
  await knex.raw(`alter table audit_log enable trigger audit_log_append_only`);
  await knex.raw(`alter table audit_log alter column prev_hash set not null, alter column hash set not null`);
  await knex.raw(`create trigger audit_log_chain before insert on audit_log for each row execute function audit_chain_link()`);
  // The head moves only with the chain: no deleting or truncating it either.
  await knex.raw(`create trigger audit_chain_no_delete before delete on audit_chain for each row execute function refuse_change()`);
  await knex.raw(`create or replace trigger audit_chain_no_truncate before truncate on audit_chain for each statement execute function refuse_change()`);
}

export async function down(knex: Knex) {
  await knex.raw('drop trigger audit_log_chain on audit_log');
  await knex.raw('drop table audit_chain');
  await knex.raw('drop function audit_chain_link()');
  await knex.raw('drop function audit_row_hash(audit_log)');
  await knex.raw('drop function audit_row_content(audit_log)');
  await knex.raw('alter table audit_log drop column prev_hash, drop column hash');
}
