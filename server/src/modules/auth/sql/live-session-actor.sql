-- Everything a request needs to know about its caller, in one statement (it runs before every API
-- request): the live session (not revoked, before its absolute expiry, seen within the idle window),
-- its active user, the user's roles in order, home region and department.
select s.last_seen_at, u.id, u.username, u.display_name, u.password_hash, u.status, u.failed_logins, u.locked_until,
       u.region_id, u.department_id, u.must_change_password, u.password_changed_at,
       r.code as region_code, r.name as region_name, d.code as department_code, d.name as department_name,
       coalesce((select json_agg(json_build_object('key', ro.key, 'name', ro.name, 'scope_kind', ro.scope_kind, 'permissions', ro.permissions) order by ro.sort_order)
                 from user_roles ur join roles ro on ro.key = ur.role_key
                 where ur.user_id = u.id), '[]'::json) as roles
from sessions s
join users u on u.id = s.user_id and u.status = 'active'
left join regions r on r.id = u.region_id
left join departments d on d.id = u.department_id
where s.id_hash = :idHash::text
  and s.revoked_at is null
  and s.expires_at > now()
  and s.last_seen_at > now() - make_interval(mins => :idleMinutes::int)
