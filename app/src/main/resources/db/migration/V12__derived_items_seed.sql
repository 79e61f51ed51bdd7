-- Derived items (enter once) for the standardization figures that are ratios of stored items: per pupil over the
-- school's enrolment of all stages, computed on reading, never typed. The seeded schemes keep reading the base
-- items (their per-pupil rules divide by the stage enrolment themselves), so their scores do not change.
insert into data_item (code, name, unit, value_type, min_value, max_value, required, aggregation, period_type, description, formula)
values ('students_total', '在校生数合计', '人', 'INTEGER', null, null, false, 'NONE', 'YEAR',
        '小学、初中、高中在校生数之和（未开设的学段不计）', 'sum(students_primary, students_junior, students_senior)'),
       ('teaching_room_area_per_pupil', '生均教学及辅助用房面积', '平方米', 'NUMBER', null, null, false, 'NONE', 'YEAR',
        '教学及辅助用房面积 ÷ 在校生数', 'teaching_room_area / students_total'),
       ('sports_area_per_pupil', '生均体育运动场馆面积', '平方米', 'NUMBER', null, null, false, 'NONE', 'YEAR',
        '体育运动场馆面积 ÷ 在校生数', 'sports_area / students_total'),
       ('equipment_value_per_pupil', '生均教学仪器设备值', '元', 'NUMBER', null, null, false, 'NONE', 'YEAR',
        '教学仪器设备值 ÷ 在校生数', 'equipment_value / students_total'),
       ('computers_per_100_pupils', '每百名学生拥有计算机台数', '台', 'NUMBER', null, null, false, 'NONE', 'YEAR',
        '100 × 计算机台数 ÷ 在校生数', '100 * computers / students_total'),
       ('books_per_pupil', '生均图书册数', '册', 'NUMBER', null, null, false, 'NONE', 'YEAR',
        '图书册数 ÷ 在校生数', 'books / students_total'),
       ('pupils_per_teacher', '师生比', null, 'NUMBER', null, null, false, 'NONE', 'YEAR',
        '在校生数 ÷ 专任教师数（师生比 1 : X 中的 X）', 'students_total / teachers'),
       ('teachers_above_degree_per_100_pupils', '每百名学生拥有高于规定学历教师数', '人', 'NUMBER', null, null, false, 'NONE', 'YEAR',
        '100 × 高于规定学历教师数 ÷ 在校生数', '100 * teachers_above_degree / students_total'),
       ('teachers_senior_title_per_100_pupils', '每百名学生拥有中级及以上专业技术职务教师数', '人', 'NUMBER', null, null, false, 'NONE', 'YEAR',
        '100 × 中级及以上专业技术职务教师数 ÷ 在校生数', '100 * teachers_senior_title / students_total');
