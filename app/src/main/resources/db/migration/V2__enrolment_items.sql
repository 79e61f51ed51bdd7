-- Enrolment per stage is an ordinary data item, so the org screens, forms and scoring share one stored value.
insert into data_item (code, name, unit, value_type, min_value, max_value, required, aggregation, period_type, description)
values ('students_primary', '小学在校生数', '人', 'INTEGER', 0, 100000, false, 'SUM', 'YEAR', '小学阶段在校学生人数'),
       ('students_junior', '初中在校生数', '人', 'INTEGER', 0, 100000, false, 'SUM', 'YEAR', '初中阶段在校学生人数'),
       ('students_senior', '高中在校生数', '人', 'INTEGER', 0, 100000, false, 'SUM', 'YEAR', '高中阶段在校学生人数');
