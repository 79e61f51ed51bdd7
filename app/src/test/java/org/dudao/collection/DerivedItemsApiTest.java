package org.dudao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.dudao.support.TestClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Derived items through the API, Excel and the screens: formulas checked on the item (field {@code formula}),
 * values computed never typed, 无法计算 with the reason where values are shown, forms show them read-only.
 */
@DudaoTest
class DerivedItemsApiTest {

    static final String SCHOOL = "JB01010101";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    private static String item(String code, String formula) {
        return """
                {"code":"%s","name":"%s","valueType":"NUMBER","aggregation":"NONE","periodType":"YEAR","formula":"%s"}""".formatted(code, code, formula);
    }

    @Test
    void theCatalogueRefusesFormulasOverUnknownItemsAndCyclesNamingTheField() throws Exception {
        api.post("admin", "/api/data-items", item("da_unknown", "books / nope"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("formula"))
                .andExpect(jsonPath("$.errors[0].message", containsString("nope")));
        api.post("admin", "/api/data-items", item("da_syntax", "books * (2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("formula"));
        if (api.get("admin", "/api/data-items/da_twice")
                        .andReturn()
                        .getResponse()
                        .getStatus()
                == 404) {
            api.post("admin", "/api/data-items", item("da_twice", "books * 2")).andExpect(status().isCreated());
        }
        api.get("admin", "/api/data-items/books_per_pupil")
                .andExpect(jsonPath("$.formula").value("books / students_total"));
        int version = JsonPath.read(
                api.get("admin", "/api/data-items/da_twice")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.version");
        api.put(
                        "admin",
                        "/api/data-items/da_twice",
                        item("da_twice", "da_twice / 2").replace("}", ",\"version\":" + version + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("formula"))
                .andExpect(jsonPath("$.errors[0].message", containsString("循环")));
    }

    @Test
    void derivedValuesAreReadThroughTheApiAndNeverWritten() throws Exception {
        api.post("school_clerk", "/api/data-values", """
                {"period":"2071","values":[{"orgUnit":"%s","item":"books","value":"9712"},
                 {"orgUnit":"%s","item":"students_primary","value":"166"}]}""".formatted(SCHOOL, SCHOOL))
                .andExpect(status().isOk());
        api.get("school_clerk", "/api/data-values?orgUnit={u}&period=2071", SCHOOL)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.item=='books_per_pupil')].value", hasItem("58.506")))
                .andExpect(jsonPath("$[?(@.item=='books_per_pupil')].computed", hasItem(true)))
                .andExpect(jsonPath("$[?(@.item=='pupils_per_teacher')]").isEmpty());
        api.get("school_clerk", "/api/data-values?orgUnit={u}&period=2071&item=pupils_per_teacher", SCHOOL)
                .andExpect(jsonPath("$[0].value").doesNotExist())
                .andExpect(jsonPath("$[0].reason").value("缺少专任教师数"));
        // a typed value of a derived item refuses the whole batch, naming the item
        api.post("school_clerk", "/api/data-values", """
                {"period":"2071","values":[{"orgUnit":"%s","item":"books","value":"9800"},
                 {"orgUnit":"%s","item":"books_per_pupil","value":"60"}]}""".formatted(SCHOOL, SCHOOL))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rejected[0].item").value("books_per_pupil"))
                .andExpect(jsonPath("$.rejected[0].reason", containsString("由系统计算")));
        api.get("school_clerk", "/api/data-values?orgUnit={u}&period=2071&item=books", SCHOOL)
                .andExpect(jsonPath("$[0].value").value("9712"));
        // no pupils: 无法计算 with the reason, not 0
        api.post("school_clerk", "/api/data-values", """
                {"period":"2072","values":[{"orgUnit":"%s","item":"books","value":"100"},
                 {"orgUnit":"%s","item":"students_primary","value":"0"}]}""".formatted(SCHOOL, SCHOOL))
                .andExpect(status().isOk());
        api.get("school_clerk", "/api/data-values?orgUnit={u}&period=2072&item=books_per_pupil", SCHOOL)
                .andExpect(jsonPath("$[0].value").doesNotExist())
                .andExpect(jsonPath("$[0].reason").value("在校生数合计为 0"));
    }

    @Test
    void anImportedDerivedValueIsRejectedWithTheReason() throws Exception {
        byte[] file = api.get(
                        "qs_director",
                        "/api/data-values/export?orgUnit=JB010101&period=2073&items=books,books_per_pupil&subtree=true")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] edited;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            Row row = null;
            for (Row r : sheet) {
                if (r.getCell(0) != null && SCHOOL.equals(r.getCell(0).toString())) {
                    row = r;
                }
            }
            row.createCell(2).setCellValue(5000);
            row.createCell(3).setCellValue(12.5);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            edited = out.toByteArray();
        }
        mvc.perform(multipart("/api/data-values/import")
                        .file(new MockMultipartFile("file", "d.xlsx", null, edited))
                        .with(httpBasic("qs_director", Api.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.rejected[0].reason", containsString("由系统计算")));
        api.get("qs_director", "/api/data-values?orgUnit={u}&period=2073&item=books", SCHOOL)
                .andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void theFormShowsDerivedItemsReadOnlyWithTheirComputedValue() throws Exception {
        String json = api.post("qs_director", "/api/collection/tasks", """
                        {"name":"2074 生均图书","period":"2074","rootUnit":"JB010101","kinds":["SCHOOL"],"deadline":"%s",
                         "sections":[{"title":"图书","items":["books","students_primary","books_per_pupil"]}]}""".formatted(
                                TestClock.today().plusDays(30)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();
        String form = "/api/collection/tasks/" + id + "/units/" + SCHOOL;

        api.put("school_clerk", form, "{\"values\":{\"books\":\"3000\",\"students_primary\":\"0\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections[0].fields[2].computed").value(true))
                .andExpect(jsonPath("$.sections[0].fields[2].reason").value("在校生数合计为 0"));
        api.put("school_clerk", form, "{\"values\":{\"books_per_pupil\":\"12\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("books_per_pupil"));
        // the value follows its inputs on save
        api.put("school_clerk", form, "{\"values\":{\"students_primary\":\"200\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections[0].fields[2].value").value("15"));

        String html = mvc.perform(get("/collection/tasks/{t}/units/{u}", id, SCHOOL)
                        .with(user(users.loadUserByUsername("school_clerk"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        Element derived = page.getElementById("f-books_per_pupil");
        assertThat(derived.hasAttr("readonly")).isTrue();
        assertThat(derived.hasAttr("name")).isFalse();
        assertThat(derived.val()).isEqualTo("15");
        assertThat(page.getElementById("f-books").hasAttr("readonly")).isFalse();
        assertThat(page.select("[name=v_books_per_pupil]")).isEmpty();

        String catalogue = mvc.perform(get("/collection/items").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(catalogue).contains("books / students_total");
    }
}
