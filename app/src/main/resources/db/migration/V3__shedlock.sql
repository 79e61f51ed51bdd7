-- Scheduled jobs that must run once per cluster take a lock here (ShedLock's JDBC provider, database time).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
