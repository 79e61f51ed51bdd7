-- A plaque message becomes a case (channel PLAQUE); inspection keeps which case, so the inspector follows it.
-- (plaque_message itself comes with V80, hence no foreign key to it.)
create table plaque_message_case (
    message_id  bigint primary key,
    case_id     bigint not null references case_file (id)
);
