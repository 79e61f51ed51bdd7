-- 文号 (青督〔2026〕1号): one gapless sequence per issuing office and year. The row is taken with the document's
-- own transaction, so a document that is not saved gives its number back and two nodes never hand out one twice.
create table document_number (
    office      varchar(64) not null,
    doc_year    integer     not null,
    last_number integer     not null,
    constraint pk_document_number primary key (office, doc_year)
);
