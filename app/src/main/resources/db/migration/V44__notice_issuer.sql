-- The 落款 of a 限期整改通知书 as issued, so renaming the office later does not rewrite documents already sent.
alter table rectification_notice add column issuer varchar(200);
