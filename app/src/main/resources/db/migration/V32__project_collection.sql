-- The collection task a project issued for its schools' data (自评 data is filled through the collection module).
alter table eval_project add column collection_task_id bigint references collection_task (id);
