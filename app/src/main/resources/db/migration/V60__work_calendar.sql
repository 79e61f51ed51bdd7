-- Working-day calendar (SPEC §8, issue 15): per year the official schedule, as its holidays and its 调休 make-up
-- working days; every other day is a working day from Monday to Friday. A year without a row has no schedule:
-- deadlines in it count weekends only and say so ("calendar missing").
create table work_calendar (
    cal_year    int          primary key,
    source      varchar(200) not null,
    row_version int          not null,
    updated_by  varchar(100) not null,
    updated_at  timestamp with time zone not null
);
create table work_calendar_day (
    cal_day   date       primary key,
    cal_year  int        not null references work_calendar (cal_year),
    kind      varchar(8) not null,
    constraint ck_work_calendar_day_kind check (kind in ('HOLIDAY', 'WORKDAY'))
);
create index ix_work_calendar_day_year on work_calendar_day (cal_year);
