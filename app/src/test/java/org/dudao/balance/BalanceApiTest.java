package org.dudao.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dudao.balance.BalanceFixtures.COUNTY;
import static org.dudao.balance.BalanceFixtures.SPLIT;
import static org.dudao.balance.BalanceFixtures.YEAR;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dudao.data.Computed;
import org.dudao.data.ComputedItems;
import org.dudao.data.DataValues;
import org.dudao.org.OrgUnits;
import org.dudao.support.Api;
import org.dudao.support.AsSystem;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** SPEC §4's examples through the API on stored data, scope, bad units, what-if, the computed county items, demo. */
@DudaoTest
class BalanceApiTest {

    private static final String BOOKS_PRIMARY = "$.stages[?(@.key=='PRIMARY')].indicators[?(@.code=='books')]";

    @Autowired
    MockMvc mvc;

    @Autowired
    OrgUnits orgUnits;

    @Autowired
    DataValues values;

    @Autowired
    List<ComputedItems> computed;

    Api api;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        new BalanceFixtures(api, orgUnits, values).build();
    }

    @Test
    void theWorkedExampleFromStoredValues() throws Exception {
        api.get("admin", "/api/balance?unit={u}&year={y}", COUNTY, YEAR)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit").value(COUNTY))
                .andExpect(jsonPath("$.weights.junior").value(1.1))
                .andExpect(jsonPath("$.stages[0].stage").value("小学"))
                .andExpect(jsonPath(BOOKS_PRIMARY + ".mean", contains(22.5)))
                .andExpect(jsonPath(BOOKS_PRIMARY + ".sd", contains(8.2916)))
                .andExpect(jsonPath(BOOKS_PRIMARY + ".cv", contains(0.3685)))
                .andExpect(jsonPath(BOOKS_PRIMARY + ".threshold.basic", contains(0.65)))
                .andExpect(jsonPath(BOOKS_PRIMARY + ".basic.met", contains(true)))
                .andExpect(jsonPath(BOOKS_PRIMARY + ".schools[*].perPupil", contains(10.0, 20.0, 30.0)))
                .andExpect(jsonPath(BOOKS_PRIMARY + ".schools[*].enrolment", contains(100, 100, 200)))
                // the other indicators have no values: listed as missing, so no composite
                .andExpect(jsonPath(
                        "$.stages[0].indicators[?(@.code=='computers')].missing[*].code",
                        contains(COUNTY + "-P1", COUNTY + "-P2", COUNTY + "-P3")))
                .andExpect(jsonPath("$.stages[0].composite").doesNotExist())
                .andExpect(jsonPath("$.stages[0].excluded[*].code", contains(COUNTY + "-P4")));
    }

    @Test
    void aNineYearSchoolIsSplitByTheStatisticsWeights() throws Exception {
        String json = api.get("city_director", "/api/balance?unit={u}&year={y}", SPLIT, YEAR)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Object> primary = JsonPath.read(json, BOOKS_PRIMARY + ".schools[0].value");
        List<Object> junior =
                JsonPath.read(json, "$.stages[?(@.key=='JUNIOR')].indicators[?(@.code=='books')].schools[0].value");
        List<Object> part = JsonPath.read(json, BOOKS_PRIMARY + ".schools[0].part");
        assertThat(Math.round(((Number) primary.get(0)).doubleValue())).isEqualTo(9_712);
        assertThat(Math.round(((Number) junior.get(0)).doubleValue())).isEqualTo(13_514);
        assertThat(part).containsExactly("小学");
    }

    @Test
    void outsideTheScopeTheUnitDoesNotExist() throws Exception {
        api.get("dh_director", "/api/balance?unit={u}&year={y}", COUNTY, YEAR).andExpect(status().isNotFound());
        api.post("dh_director", "/api/balance/what-if", body(COUNTY, "books", "小学", "100"))
                .andExpect(status().isNotFound());
        api.get("school_clerk", "/api/balance?unit=JB0101&year={y}", YEAR).andExpect(status().isNotFound());
        // a clerk of the township reads it but is no report reader
        api.get("cg_clerk", "/api/balance?unit=JB010101&year={y}", YEAR).andExpect(status().isForbidden());
    }

    @Test
    void aNodeWithoutSchoolsIsRefusedNamingTheUnit() throws Exception {
        api.get("admin", "/api/balance?unit={u}&year={y}", COUNTY + "-E", YEAR)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
        api.get("admin", "/api/balance?year={y}", YEAR)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unit"));
        api.post("admin", "/api/balance/what-if", body(COUNTY, "books", "小学", "1.5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("budget"));
        api.post("admin", "/api/balance/what-if", body(COUNTY, "desks", "高中", "10"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("indicator", "stage")));
    }

    @Test
    void whatIfGivesTheBooksToTheSchoolFurthestBelowAndLowersTheCv() throws Exception {
        api.post("admin", "/api/balance/what-if", body(COUNTY, "books", "小学", "1000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cvBefore").value(0.3685))
                .andExpect(jsonPath("$.cvAfter").value(0.2))
                .andExpect(jsonPath("$.allocation[0].code").value(COUNTY + "-P1"))
                .andExpect(jsonPath("$.allocation[0].add").value(1000.0))
                .andExpect(jsonPath("$.allocation[1].add").value(0.0))
                .andExpect(jsonPath("$.toBasic").value(0))
                .andExpect(jsonPath("$.allocation", hasSize(3)));
        // nothing was saved
        api.get("admin", "/api/balance?unit={u}&year={y}", COUNTY, YEAR)
                .andExpect(jsonPath(BOOKS_PRIMARY + ".cv", contains(0.3685)));
    }

    @Test
    void theCountyCvItemsAreTheCompositeOfTheBalance() throws Exception {
        String json = api.get("qs_director", "/api/balance?unit=JB0101&year={y}", YEAR)
                .andReturn()
                .getResponse()
                .getContentAsString();
        Number composite = JsonPath.<List<Number>>read(json, "$.stages[?(@.key=='PRIMARY')].composite")
                .get(0);
        ComputedItems cv = computed.stream()
                .filter(c -> c.codes().contains("cv_primary"))
                .findFirst()
                .orElseThrow();
        Long county = AsSystem.get(() -> orgUnits.readable("JB0101").id());
        Computed value = cv.value(county, String.valueOf(YEAR), "cv_primary");
        assertThat(value.value()).isEqualByComparingTo(new BigDecimal(composite.toString()));
        Long test = AsSystem.get(() -> orgUnits.readable(COUNTY).id());
        assertThat(cv.value(test, String.valueOf(YEAR), "cv_primary").computable())
                .isFalse();
        assertThat(cv.value(test, String.valueOf(YEAR), "cv_junior").reason()).contains("初中");
    }

    @Test
    void theDemoCountiesLieOnEitherSideOfTheQualityThresholds() throws Exception {
        for (int year : new int[] {YEAR, YEAR - 1}) {
            api.get("city_director", "/api/balance?unit=JB0101&year={y}", year)
                    .andExpect(jsonPath("$.stages[*].indicators[*].cv", hasSize(16)))
                    .andExpect(jsonPath("$.stages[*].indicators[?(@.quality.met == false)]", hasSize(0)));
            api.get("city_director", "/api/balance?unit=JB0102&year={y}", year)
                    .andExpect(jsonPath("$.stages[*].indicators[?(@.quality.met == false)].code")
                            .value(org.hamcrest.Matchers.hasItem("sports_area")));
        }
        // the city ranks its counties per stage (other tests add counties of their own: compare the demo two)
        String city = api.get("city_director", "/api/balance?unit=JB01&year={y}", YEAR)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int qingshan = JsonPath.<List<Integer>>read(city, "$.stages[0].counties[?(@.code=='JB0101')].rank")
                .get(0);
        int donghu = JsonPath.<List<Integer>>read(city, "$.stages[0].counties[?(@.code=='JB0102')].rank")
                .get(0);
        assertThat(qingshan).isLessThan(donghu);
    }

    @Test
    void theExcelHasOneSheetPerStageWithTheCvRowAtTheBottom() throws Exception {
        byte[] xlsx = api.get("admin", "/api/balance/export.xlsx?unit={u}&year={y}", COUNTY, YEAR)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            Sheet primary = wb.getSheetAt(0);
            assertThat(primary.getSheetName()).isEqualTo("小学");
            assertThat(primary.getRow(0).getCell(8).getStringCellValue()).isEqualTo("生均图书册数");
            assertThat(primary.getRow(1).getCell(8).getNumericCellValue()).isEqualTo(10.0);
            int cvRow = primary.getLastRowNum() - 1;
            assertThat(primary.getRow(cvRow).getCell(1).getStringCellValue()).isEqualTo("差异系数");
            assertThat(primary.getRow(cvRow).getCell(8).getNumericCellValue()).isEqualTo(0.3685);
        }
        byte[] pdf = api.get("qs_director", "/api/balance/summary.pdf?unit=JB0101&year={y}", YEAR)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    private static String body(String unit, String indicator, String stage, String budget) {
        return """
                {"unit":"%s","year":%d,"indicator":"%s","stage":"%s","budget":%s}""".formatted(unit, YEAR, indicator, stage, budget);
    }
}
