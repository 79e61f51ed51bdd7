-- Usernames are unique regardless of case: the lower-case key carries the constraint. Names that already clash
-- only in case keep working; every one after the first gets '#<id>' in its key so the constraint can hold.
alter table app_user add column username_key varchar(100);
update app_user set username_key = lower(username);
update app_user set username_key = lower(username) || '#' || id
    where exists (select 1 from app_user o where lower(o.username) = lower(app_user.username) and o.id < app_user.id);
alter table app_user alter column username_key set not null;
alter table app_user add constraint uk_app_user_username_key unique (username_key);
