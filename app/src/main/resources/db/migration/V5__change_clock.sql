-- One counter per feature, moved in the same transaction as every write its readers cache (shared.ChangeClock):
-- a node's cached dashboard is valid while the sum of the counters it read is unchanged, on every node alike.
create table change_clock (
    topic   varchar(32) not null,
    version bigint      not null,
    constraint pk_change_clock primary key (topic)
);

insert into change_clock (topic, version) values
    ('audit', 0), ('balance', 0), ('calendar', 0), ('cases', 0), ('collection', 0), ('data', 0), ('evaluation', 0),
    ('evidence', 0), ('inspection', 0), ('org', 0), ('rectification', 0), ('report', 0), ('scheme', 0), ('user', 0);
