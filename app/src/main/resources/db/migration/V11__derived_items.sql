-- Derived data items (enter once): a formula over other items of the same unit and period, computed on reading,
-- never typed. Null for items whose values are entered.
alter table data_item add column formula varchar(500);
