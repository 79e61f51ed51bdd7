-- The 公示 of a project is an official notice: its 文号, 落款 and date, given when the first school enters 公示.
alter table eval_project add column publicity_number varchar(64);
alter table eval_project add column publicity_issuer varchar(200);
alter table eval_project add column publicity_issued_at timestamp with time zone;
