-- Cases filed by the public (web form, Open311): the unguessable code a reporter tracks the case with, and the
-- e-mail address an Open311 client may pass along (hidden from the unit like name and phone).
alter table case_file add column tracking_code varchar(12);
alter table case_file add column reporter_email varchar(200);
create unique index ux_case_file_tracking on case_file (tracking_code);
