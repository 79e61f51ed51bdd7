-- Items the collection forms use beyond the scheme's catalogue (codes deliberately distinct from it).
insert into data_item (code, name, unit, value_type, min_value, max_value, required, aggregation, period_type, description)
values ('classrooms', '教室间数', '间', 'INTEGER', 0, 1000, true, 'SUM', 'YEAR', '普通教室与专用教室合计'),
       ('canteen_area', '食堂面积', '平方米', 'NUMBER', 0, 100000, false, 'SUM', 'YEAR', '学生食堂建筑面积'),
       ('toilet_seats', '厕所蹲位数', '个', 'INTEGER', 0, 5000, false, 'SUM', 'YEAR', '学生厕所蹲位合计'),
       ('dropouts_primary', '小学辍学人数', '人', 'INTEGER', 0, 100000, false, 'SUM', 'YEAR', '本年度小学阶段辍学学生人数'),
       ('consolidation_rate_primary', '小学巩固率', '%', 'PERCENT', 0, 100, false, 'NONE', 'YEAR', '小学阶段巩固率'),
       ('psych_room', '是否设有心理咨询室', null, 'BOOLEAN', null, null, false, 'NONE', 'YEAR', '是或否'),
       ('safety_drill_date', '最近一次安全演练日期', null, 'DATE', null, null, false, 'NONE', 'YEAR', '格式 2026-03-15'),
       ('collection_remarks', '填报说明', null, 'TEXT', null, null, false, 'NONE', 'YEAR', '需要说明的情况');
