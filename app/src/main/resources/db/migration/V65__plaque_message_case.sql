-- A plaque message becomes a case (channel PLAQUE); the message keeps the case's id so the inspector follows it.
alter table plaque_message add column case_id bigint;
