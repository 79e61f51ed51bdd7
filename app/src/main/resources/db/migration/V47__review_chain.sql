-- Configurable review chains: a project names the unit kinds it evaluates, the template it started from and its
-- ordered review levels (SELF → COUNTY → CITY → PROVINCE). A project without levels runs the standardization
-- chain (the projects created before chains existed). Files reviewed at the province keep its sheet.
alter table eval_project add column template varchar(32);
alter table eval_project add column unit_kinds varchar(500);

create table eval_chain_level (
    project_id      bigint      not null references eval_project (id),
    position        int         not null,
    level           varchar(16) not null,
    scores          boolean     not null,
    approves        boolean     not null,
    publicity_days  int         not null,
    certificate     boolean     not null,
    approves_kinds  varchar(500),
    primary key (project_id, position)
);

alter table evaluation add column province_manual varchar(20000);
