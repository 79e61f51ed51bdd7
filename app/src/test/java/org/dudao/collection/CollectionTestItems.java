package org.dudao.collection;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.support.Api;

/**
 * Items the collection tests use, created through the catalogue API (the scheme's catalogue is not on this
 * branch). Idempotent: the suite shares one database.
 */
public final class CollectionTestItems {

    private CollectionTestItems() {}

    public static void ensure(Api api) throws Exception {
        item(api, "t_students", "测试在校生数", "人", "INTEGER", "0", "100000", true, "SUM");
        item(api, "t_dropouts", "测试辍学人数", "人", "INTEGER", "0", "100000", false, "SUM");
        item(api, "t_area", "测试校舍面积", "平方米", "NUMBER", "0", "10000000", false, "SUM");
        item(api, "t_danger_area", "测试D级危房面积", "平方米", "NUMBER", "0", "10000000", false, "SUM");
        item(api, "t_rate", "测试巩固率", "%", "PERCENT", null, null, false, "NONE");
        item(api, "t_flag", "测试是否达标", null, "BOOLEAN", null, null, false, "NONE");
        item(api, "t_date", "测试检查日期", null, "DATE", null, null, false, "NONE");
        item(api, "t_note", "测试说明", null, "TEXT", null, null, false, "NONE");
    }

    private static void item(
            Api api,
            String code,
            String name,
            String unit,
            String type,
            String min,
            String max,
            boolean required,
            String aggregation)
            throws Exception {
        int status = api.get("admin", "/api/data-items/" + code)
                .andReturn()
                .getResponse()
                .getStatus();
        if (status == 200) {
            return;
        }
        api.post("admin", "/api/data-items", """
                {"code":"%s","name":"%s","unit":%s,"valueType":"%s","minValue":%s,"maxValue":%s,"required":%s,
                 "aggregation":"%s","periodType":"YEAR"}""".formatted(
                                code,
                                name,
                                unit == null ? "null" : "\"" + unit + "\"",
                                type,
                                min == null ? "null" : "\"" + min + "\"",
                                max == null ? "null" : "\"" + max + "\"",
                                required,
                                aggregation))
                .andExpect(status().isCreated());
    }
}
