-- A closed evaluation's result event lists every shortfall with its requirement text; a large scheme can pass
-- 20000 characters. Kept a varchar (not text/clob): the registry compares the serialized event to mark it done.
alter table event_publication alter column serialized_event set data type varchar(1000000);
