package org.dudao.collection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The /api/data-values contract: all-or-nothing batches, validation, scope, history and optimistic locking. */
@DudaoTest
class CollectionValuesApiTest {

    static final String SCHOOL = "JB01010101";
    static final String SCHOOL2 = "JB01010102";

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        CollectionTestItems.ensure(api);
    }

    private String batch(String period, String... entries) {
        return "{\"period\":\"" + period + "\",\"values\":[" + String.join(",", entries) + "]}";
    }

    private static String v(String unit, String item, String value) {
        return "{\"orgUnit\":\"" + unit + "\",\"item\":\"" + item + "\",\"value\":"
                + (value == null ? "null" : "\"" + value + "\"") + "}";
    }

    /** An entry changing a stored value, with the version read. */
    private static String v(String unit, String item, String value, int version) {
        return v(unit, item, value).replace("}", ",\"version\":" + version + "}");
    }

    @Test
    void writesReadsAndCountsInTheContractShape() throws Exception {
        api.post(
                        "school_clerk",
                        "/api/data-values",
                        batch(
                                "2031",
                                v(SCHOOL, "t_students", "28000"),
                                v(SCHOOL, "t_area", "1234.5"),
                                v(SCHOOL, "t_rate", "98.5%"),
                                v(SCHOOL, "t_flag", "是"),
                                v(SCHOOL, "t_date", "2031/3/5"),
                                v(SCHOOL, "t_note", "新建教学楼")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(6))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(0))
                .andExpect(jsonPath("$.rejected", hasSize(0)));
        api.post(
                        "school_clerk",
                        "/api/data-values",
                        batch("2031", v(SCHOOL, "t_students", "28000"), v(SCHOOL, "t_area", "1300", 0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.unchanged").value(1));
        api.get("school_clerk", "/api/data-values?orgUnit={u}&period=2031", SCHOOL)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.item=='t_students')].value", hasItem("28000")))
                .andExpect(jsonPath("$[?(@.item=='t_area')].value", hasItem("1300")))
                .andExpect(jsonPath("$[?(@.item=='t_rate')].value", hasItem("98.5")))
                .andExpect(jsonPath("$[?(@.item=='t_flag')].value", hasItem("true")))
                .andExpect(jsonPath("$[?(@.item=='t_date')].value", hasItem("2031-03-05")))
                .andExpect(jsonPath("$[?(@.item=='t_note')].value", hasItem("新建教学楼")));
        api.get("school_clerk", "/api/data-values?orgUnit={u}&period=2031&item=t_students", SCHOOL)
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].updatedBy").value("school_clerk"));
        // the township reads its schools, with children=true
        api.get("cg_clerk", "/api/data-values?orgUnit=JB010101&period=2031&item=t_students&children=true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].orgUnit", hasItem(SCHOOL)));
    }

    @Test
    void rejectsTheWholeBatchWhenOneEntryIsBadAndSaysWhy() throws Exception {
        api.post(
                        "school_clerk",
                        "/api/data-values",
                        batch(
                                "2032",
                                v(SCHOOL, "t_students", "500"),
                                v(SCHOOL, "t_dropouts", "2.5"),
                                v(SCHOOL, "t_rate", "120"),
                                v(SCHOOL, "nope", "1"),
                                v(SCHOOL, "t_flag", "maybe"),
                                v(SCHOOL, "t_date", "2032-02-30"),
                                v(SCHOOL, "t_students", "1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.rejected", hasSize(6)))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].orgUnit").value(SCHOOL))
                .andExpect(jsonPath("$.rejected[0].item").value("t_dropouts"))
                .andExpect(jsonPath("$.rejected[0].reason", containsString("整数")))
                .andExpect(jsonPath("$.rejected[1].reason", containsString("0 到 100")))
                .andExpect(jsonPath("$.rejected[2].reason", containsString("不存在")))
                .andExpect(jsonPath("$.rejected[5].reason", containsString("重复")));
        // nothing was written, not even the good first entry
        api.get("school_clerk", "/api/data-values?orgUnit={u}&period=2032", SCHOOL)
                .andExpect(jsonPath("$", hasSize(0)));
        // dry run validates only
        api.post("school_clerk", "/api/data-values?dryRun=true", batch("2032", v(SCHOOL, "t_students", "500")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.dryRun").value(true));
        api.get("school_clerk", "/api/data-values?orgUnit={u}&period=2032", SCHOOL)
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void validatesPeriodFormats() throws Exception {
        api.post("school_clerk", "/api/data-values", batch("2032-13", v(SCHOOL, "t_students", "1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        api.post("school_clerk", "/api/data-values", batch("2032Q1", v(SCHOOL, "t_students", "1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rejected[0].reason", containsString("期间类型")));
        api.post("school_clerk", "/api/data-values", batch("2032-2034", v(SCHOOL, "t_students", "1")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void checksScopeAndRole() throws Exception {
        // another school is outside the school clerk's subtree: as if it did not exist
        api.post("school_clerk", "/api/data-values", batch("2033", v(SCHOOL2, "t_students", "10")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.rejected[0].reason", containsString("不在您的管辖范围")));
        api.get("school_clerk", "/api/data-values?orgUnit={u}&period=2033", SCHOOL2)
                .andExpect(status().isNotFound());
        api.get("dh_director", "/api/data-values?orgUnit={u}&period=2033", SCHOOL)
                .andExpect(status().isNotFound());
        // inside the scope without a writing role
        api.post("city_leader", "/api/data-values", batch("2033", v(SCHOOL, "t_students", "10")))
                .andExpect(status().isForbidden());
        api.post("cg_inspector", "/api/data-values", batch("2033", v(SCHOOL, "t_students", "10")))
                .andExpect(status().isForbidden());
        // the township clerk may enter for its schools; the leader reads
        api.post("cg_clerk", "/api/data-values", batch("2033", v(SCHOOL2, "t_students", "10")))
                .andExpect(status().isOk());
        api.get("city_leader", "/api/data-values?orgUnit={u}&period=2033", SCHOOL2)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].value").value("10"));
        api.post("public", "/api/data-values", batch("2033", v(SCHOOL2, "t_students", "10")))
                .andExpect(status().isNotFound());
    }

    @Test
    void keepsTheFullHistoryOldToNew() throws Exception {
        api.post("school_clerk", "/api/data-values", batch("2034", v(SCHOOL, "t_students", "100")))
                .andExpect(status().isOk());
        api.post("cg_clerk", "/api/data-values", batch("2034", v(SCHOOL, "t_students", "120", 0)))
                .andExpect(status().isOk());
        api.post("school_clerk", "/api/data-values", batch("2034", v(SCHOOL, "t_students", null, 1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1));
        api.get("cg_clerk", "/api/data-values/history?orgUnit={u}&item=t_students&period=2034", SCHOOL)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].oldValue").value("120"))
                .andExpect(jsonPath("$[0].newValue").isEmpty())
                .andExpect(jsonPath("$[1].oldValue").value("100"))
                .andExpect(jsonPath("$[1].newValue").value("120"))
                .andExpect(jsonPath("$[1].changedBy").value("cg_clerk"))
                .andExpect(jsonPath("$[2].oldValue").isEmpty())
                .andExpect(jsonPath("$[2].source").value("API"));
        api.get("dh_director", "/api/data-values/history?orgUnit={u}&item=t_students&period=2034", SCHOOL)
                .andExpect(status().isNotFound());
    }

    @Test
    void changingAStoredValueNeedsTheVersionRead() throws Exception {
        api.post("school_clerk", "/api/data-values", batch("2038", v(SCHOOL, "t_area", "800")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));
        // no version: last write would win, so the batch is refused and nothing is written
        api.post(
                        "cg_clerk",
                        "/api/data-values",
                        batch("2038", v(SCHOOL, "t_area", "900"), v(SCHOOL, "t_students", "7")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rejectedTotal").value(1))
                .andExpect(jsonPath("$.rejected[0].item").value("t_area"))
                .andExpect(jsonPath("$.rejected[0].reason", containsString("版本")))
                .andExpect(jsonPath("$.rejected[0].reason", containsString("800")));
        api.post("cg_clerk", "/api/data-values", batch("2038", v(SCHOOL, "t_area", null)))
                .andExpect(status().isConflict());
        // the same value again needs no version: nothing changes
        api.post("cg_clerk", "/api/data-values", batch("2038", v(SCHOOL, "t_area", "800")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(1));
        api.post("cg_clerk", "/api/data-values", batch("2038", v(SCHOOL, "t_area", "900", 0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1));
        api.get("school_clerk", "/api/data-values?orgUnit={u}&period=2038&item=t_area", SCHOOL)
                .andExpect(jsonPath("$[0].value").value("900"))
                .andExpect(jsonPath("$[0].version").value(1));
    }

    @Test
    void concurrentEditsOfOneValueConflictInsteadOfOverwriting() throws Exception {
        api.post("school_clerk", "/api/data-values", batch("2035", v(SCHOOL, "t_area", "800")))
                .andExpect(status().isOk());
        String read = api.get("school_clerk", "/api/data-values?orgUnit={u}&period=2035&item=t_area", SCHOOL)
                .andReturn()
                .getResponse()
                .getContentAsString();
        int version = JsonPath.read(read, "$[0].version");
        String mine =
                "{\"orgUnit\":\"" + SCHOOL + "\",\"item\":\"t_area\",\"value\":\"850\",\"version\":" + version + "}";
        String theirs =
                "{\"orgUnit\":\"" + SCHOOL + "\",\"item\":\"t_area\",\"value\":\"900\",\"version\":" + version + "}";
        api.post("cg_clerk", "/api/data-values", batch("2035", theirs)).andExpect(status().isOk());
        api.post("school_clerk", "/api/data-values", batch("2035", mine))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rejected[0].reason", containsString("已被他人修改")))
                .andExpect(jsonPath("$.rejected[0].reason", containsString("900")))
                .andExpect(jsonPath("$.rejected[0].reason", containsString("cg_clerk")));
        api.get("school_clerk", "/api/data-values?orgUnit={u}&period=2035&item=t_area", SCHOOL)
                .andExpect(jsonPath("$[0].value").value("900"));
        // a client that read "no value" (-1) conflicts with a value created meanwhile
        String fresh = "{\"orgUnit\":\"" + SCHOOL + "\",\"item\":\"t_students\",\"value\":\"5\",\"version\":-1}";
        api.post("cg_clerk", "/api/data-values", batch("2035", v(SCHOOL, "t_students", "6")))
                .andExpect(status().isOk());
        api.post("school_clerk", "/api/data-values", batch("2035", fresh)).andExpect(status().isConflict());
    }

    @Test
    void listsConsistencyMismatchesWithTheChildren() throws Exception {
        // township JB010103 reports 300 pupils; its schools report 120 + 100
        api.post(
                        "qs_director",
                        "/api/data-values",
                        batch(
                                "2036",
                                v("JB010103", "t_students", "300"),
                                v("JB01010301", "t_students", "120"),
                                v("JB01010302", "t_students", "100"),
                                v("JB0101", "t_students", "300")))
                .andExpect(status().isOk());
        api.get("qs_director", "/api/consistency?orgUnit=JB0101&period=2036")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mismatches[?(@.orgUnit=='JB010103')].reported", hasItem(300)))
                .andExpect(jsonPath("$.mismatches[?(@.orgUnit=='JB010103')].childrenSum", hasItem(220)))
                .andExpect(jsonPath("$.mismatches[?(@.orgUnit=='JB010103')].item", hasItem("t_students")))
                .andExpect(jsonPath("$.mismatches[?(@.orgUnit=='JB0101')]", hasSize(0)))
                .andExpect(jsonPath("$.mismatches[0].children[*].orgUnit", hasItem("JB01010301")));
        api.post("qs_director", "/api/data-values", batch("2036", v("JB01010303", "t_students", "80")))
                .andExpect(status().isOk());
        api.get("qs_director", "/api/consistency?orgUnit=JB0101&period=2036")
                .andExpect(jsonPath("$.mismatches", hasSize(0)));
        api.get("dh_director", "/api/consistency?orgUnit=JB0101&period=2036").andExpect(status().isNotFound());
    }

    @Test
    void managesTheItemCatalogue() throws Exception {
        api.post("school_clerk", "/api/data-items", """
                {"code":"t_x","name":"x","valueType":"INTEGER","periodType":"YEAR"}""").andExpect(status().isForbidden());
        // the catalogue is shared by the whole tree: a county director may not redefine it
        api.post("qs_director", "/api/data-items", """
                {"code":"t_y","name":"y","valueType":"INTEGER","periodType":"YEAR"}""").andExpect(status().isForbidden());
        api.post("admin", "/api/data-items", """
                {"code":"Bad Code","valueType":"TEXT","periodType":"WEEK","aggregation":"SUM","minValue":"1"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("code")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("periodType")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("minValue")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("aggregation")));
        api.post("admin", "/api/data-items", """
                {"code":"t_catalogue","name":"图书册数","unit":"册","valueType":"INTEGER","minValue":"0",
                 "aggregation":"SUM","periodType":"SCHOOL_YEAR"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(0));
        api.put("admin", "/api/data-items/t_catalogue", """
                {"name":"图书藏量","unit":"册","valueType":"INTEGER","minValue":"0","aggregation":"SUM",
                 "periodType":"SCHOOL_YEAR","version":0}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("图书藏量"));
        api.put("admin", "/api/data-items/t_catalogue", """
                {"name":"旧","valueType":"INTEGER","periodType":"SCHOOL_YEAR","version":0}""").andExpect(status().isConflict());
        api.get("school_clerk", "/api/data-items")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("t_catalogue")));
        api.post("school_clerk", "/api/data-values", batch("2026-2027", v(SCHOOL, "t_catalogue", "9000")))
                .andExpect(status().isOk());
        api.delete("admin", "/api/data-items/t_catalogue").andExpect(status().isConflict());
        api.delete("qs_director", "/api/data-items/t_students").andExpect(status().isForbidden());
    }
}
