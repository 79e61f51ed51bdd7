-- The plaque certificate is a document the approving body issues: its 文号 (gapless per office and year, shared
-- with the office's 公示 and notices) and 落款 as issued.
alter table evaluation add column certificate_doc_number varchar(64);
alter table evaluation add column certificate_issuer varchar(200);
