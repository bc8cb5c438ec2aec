-- The candidate geometry of each chosen parcel, measured in the parcel's GK zone (the epsg of each item).
-- A parcel of mode whole is taken as it is. A parcel of mode part is cut to the needed area: it is
-- intersected with a square centred on its interior point (ST_PointOnSurface) whose half side is found by
-- bisection, since the covered area grows monotonically with the square. The search starts between the
-- half side of a square of the needed area (never too large) and the distance to the farthest corner of
-- the parcel's box (covers all of it), and stops at 0.05 % of the need or after 40 halvings. The final
-- cut is made in EPSG 4326 with the square's corners transformed back, so the parcel's own boundary
-- vertices are kept as they are (the part lies inside the parcel, not a reprojected copy of it).
with recursive items as (
  select (x ->> 'id')::int as id, x ->> 'mode' as mode, (x ->> 'epsg')::int as epsg
  from json_array_elements(:items::json) x
), base as (
  select i.id, i.mode, i.epsg, f.geom, g.gk, ST_PointOnSurface(g.gk) as pt
  from items i
  join layer_features f on f.id = i.id
  cross join lateral (select ST_Transform(f.geom, i.epsg) as gk) g
), bounds as (
  select b.id, sqrt(:needM2::float8) / 2 as lo,
         greatest(ST_XMax(b.gk) - ST_X(b.pt), ST_X(b.pt) - ST_XMin(b.gk), ST_YMax(b.gk) - ST_Y(b.pt), ST_Y(b.pt) - ST_YMin(b.gk)) as hi
  from base b
  where b.mode = 'part'
), search as (
  select bo.id, 0 as iter, bo.lo, bo.hi, (bo.lo + bo.hi) / 2 as r,
         ST_Area(ST_Intersection(b.gk, ST_Expand(b.pt, (bo.lo + bo.hi) / 2))) as m2
  from bounds bo join base b on b.id = bo.id
  union all
  select s.id, s.iter + 1, n.lo, n.hi, (n.lo + n.hi) / 2,
         ST_Area(ST_Intersection(b.gk, ST_Expand(b.pt, (n.lo + n.hi) / 2)))
  from search s
  join base b on b.id = s.id
  cross join lateral (
    select case when s.m2 < :needM2::float8 then s.r else s.lo end as lo,
           case when s.m2 < :needM2::float8 then s.hi else s.r end as hi
  ) n
  where s.iter < 40 and abs(s.m2 - :needM2::float8) > :needM2::float8 * 0.0005
), best as (
  select distinct on (s.id) s.id, s.r
  from search s
  order by s.id, abs(s.m2 - :needM2::float8), s.iter
), shaped as (
  select b.id, b.mode, b.epsg,
         case when b.mode = 'part' then ST_CollectionExtract(ST_Intersection(b.geom, ST_Transform(ST_Expand(b.pt, bt.r), 4326)), 3) else b.geom end as g
  from base b
  left join best bt on bt.id = b.id
), measured as (
  select s.*, ST_Transform(s.g, s.epsg) as gk from shaped s
)
select m.id, m.mode, m.epsg, ST_Area(m.gk) as m2, ST_Perimeter(m.gk) as perimeter_m,
       ST_AsGeoJSON(m.g, 9)::json as geometry
from measured m
order by m.id
