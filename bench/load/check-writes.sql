-- bench/load.sh: proves that every acknowledged data-value batch of one phase is stored exactly once and that no
-- batch is half written. Fed through psql after "create temp table acked (id bigint primary key)" and the
-- acknowledged ids (a client logging an id twice already fails on the primary key). Variables: lo, hi (the phase's
-- id range), year (the seeded year, never written by the load). A batch writes building_area, teaching_room_area
-- and sports_area of school id % 20000 for the year 1900 + id / 20000, all three equal to the id.
with item as (
    select id from data_item where code in ('building_area', 'teaching_room_area', 'sports_area')
), stored as (
    select cast(v.num_value as bigint) as id,
           count(*) as n,
           count(*) filter (where v.period = cast(1900 + cast(v.num_value as bigint) / 20000 as varchar)) as in_period
    from data_value v
    where v.item_id in (select id from item) and v.period <> :'year'
      and v.num_value between :lo and :hi
    group by cast(v.num_value as bigint)
), keys as (
    -- one stored row per (unit, item, period) of the bench's years, and one history row for its creation
    select v.org_unit_id, v.item_id, v.period, count(*) as n,
           (select count(*) from data_value_history h
             where h.org_unit_id = v.org_unit_id and h.item_id = v.item_id and h.period = v.period) as history
    from data_value v
    where v.item_id in (select id from item) and v.period <> :'year'
      and v.num_value between :lo and :hi
    group by v.org_unit_id, v.item_id, v.period
)
select 'acknowledged'                                      as what, count(*) as n from acked
union all
select 'acknowledged and stored (3 values, right year)',   count(*) from acked a join stored s on s.id = a.id
                                                                      where s.n = 3 and s.in_period = 3
union all
select 'LOST (acknowledged, not stored)',                  count(*) from acked a where not exists
                                                                      (select 1 from stored s where s.id = a.id)
union all
select 'HALF-WRITTEN batches (not 0 or 3 values)',         count(*) from stored where n <> 3 or in_period <> n
union all
select 'DUPLICATED values (same unit, item, year)',        count(*) from keys where n > 1
union all
select 'values whose history is not exactly one row',      count(*) from keys where history <> 1
union all
select 'stored but not acknowledged (answer lost)',        count(*) from stored s where not exists
                                                                      (select 1 from acked a where a.id = s.id);
