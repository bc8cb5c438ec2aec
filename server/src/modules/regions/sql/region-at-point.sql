-- The regions containing a point (the county-level unit, and a development zone when inside one).
select r.code, r.name, r.level
from regions r
where r.geom && ST_SetSRID(ST_Point(:lon, :lat), 4326)
  and ST_Intersects(r.geom, ST_SetSRID(ST_Point(:lon, :lat), 4326))
order by case r.level when 'city' then 0 when 'county' then 1 else 2 end
