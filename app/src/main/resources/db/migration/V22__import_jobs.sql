-- Background Excel imports (ImportJobs). The job runs on the node that received the upload and writes its
-- progress here, so any node behind the balancer can answer the progress poll. Written for both H2
-- (MODE=PostgreSQL) and PostgreSQL.
create table import_job (
    id            varchar(36)  primary key,
    owner         varchar(64)  not null,
    -- the period the import used (the form's or the workbook's), known once it has finished
    period        varchar(16),
    dry_run       boolean      not null,
    phase         varchar(16)  not null,
    rows_read     int          not null default 0,
    total_rows    int          not null default 0,
    -- the finished ExcelImport.Report as JSON: one line per rejected cell, so it can run to megabytes
    report        text,
    failure       text,
    started_at    timestamp with time zone not null,
    -- touched by progress and a heartbeat while running: a running job silent for long lost its node
    updated_at    timestamp with time zone not null,
    finished_at   timestamp with time zone
);
