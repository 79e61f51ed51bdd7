package org.dudao.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The cases dashboard of a township of this test's own (CST01 with schools CST0101, CST0102): counts by channel and
 * category, overdue by unit, the ranking, the Excel and the screen with its data block for the charts.
 */
@DudaoTest
class CaseDashboardTest {

    @Autowired
    MockMvc mvc;

    private int intake(Api api, String unit, String channel, String category, String receivedAt) throws Exception {
        String c = api.post("qs_director", "/api/cases", """
                        {"channel":"%s","category":"%s","description":"统计测试","unit":"%s","receivedAt":"%s"}""".formatted(channel, category, unit, receivedAt))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(c, "$.id");
    }

    @Test
    void theDashboardCountsChannelsCategoriesOverdueAndRanksUnits() throws Exception {
        Api api = new Api(mvc);
        api.post(
                        "admin",
                        "/api/org-units",
                        "{\"code\":\"CST01\",\"name\":\"统计测试镇\",\"kind\":\"乡镇\",\"parentCode\":\"JB0101\"}")
                .andExpect(status().isCreated());
        for (String s : new String[] {"CST0101", "CST0102"}) {
            api.post("admin", "/api/org-units", """
                    {"code":"%s","name":"统计测试%s","kind":"小学","parentCode":"CST01"}""".formatted(s, s)).andExpect(status().isCreated());
        }
        int a = intake(api, "CST0101", "HOTLINE", "COMPLAINT", "2026-06-01T09:00");
        intake(api, "CST0101", "HOTLINE", "CONSULTATION", "2026-06-10T09:00"); // due 06-15: not overdue yet
        intake(api, "CST0102", "PETITION", "COMPLAINT", "2026-04-01T09:00"); // overdue
        api.post("qs_director", "/api/cases/" + a + "/transitions", "{\"action\":\"assign\",\"unit\":\"CST0101\"}");
        api.post("admin", "/api/cases/" + a + "/transitions", "{\"action\":\"answer\",\"note\":\"已处理\"}")
                .andExpect(status().isOk());
        api.post("qs_director", "/api/cases/" + a + "/transitions", "{\"action\":\"verify\"}");
        api.post("qs_director", "/api/cases/" + a + "/transitions", "{\"action\":\"close\"}")
                .andExpect(status().isOk());

        api.get("qs_director", "/api/cases/dashboard?unit=CST01&from=2026-01-01&to=2026-06-30")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rates.received").value(3))
                .andExpect(jsonPath("$.rates.closed").value(1))
                .andExpect(jsonPath("$.rates.closureRate").value(33.33))
                .andExpect(jsonPath("$.open").value(2))
                .andExpect(jsonPath("$.overdue").value(1))
                .andExpect(jsonPath("$.channels[?(@.key=='HOTLINE')].count").value(2))
                .andExpect(jsonPath("$.channels[?(@.key=='PETITION')].count").value(1))
                .andExpect(jsonPath("$.categories[?(@.key=='投诉')].count").value(2))
                .andExpect(jsonPath("$.units[0].code").value("CST0101"))
                .andExpect(jsonPath("$.units[1].code").value("CST0102"))
                .andExpect(jsonPath("$.units[1].overdue").value(1));
        api.get("dh_director", "/api/cases/dashboard?unit=CST01").andExpect(status().isNotFound());

        byte[] xlsx = api.get("qs_director", "/api/cases/dashboard.xlsx?unit=CST01&from=2026-01-01&to=2026-06-30")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var rates = wb.getSheetAt(0);
            assertThat(rates.getRow(1).getCell(0).getStringCellValue()).isEqualTo("统计测试镇");
            assertThat(rates.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(rates.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(33.33);
        }
    }
}
