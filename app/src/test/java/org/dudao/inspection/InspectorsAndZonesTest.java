package org.dudao.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.dudao.evaluation.EvaluationFixtures;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Inspectors and zones of 青山县: flags, the zone limit, balanced assignment with history, and scope. */
@DudaoTest
class InspectorsAndZonesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aCountyManagesItsInspectorsAndZonesAndNoOneElseSeesThem() throws Exception {
        Api api = new Api(mvc);
        InspectionFixtures fx = new InspectionFixtures(api);
        for (int i = 1; i <= 4; i++) fx.school("IZT0" + i, "责任区测试小学" + i);
        long first = fx.inspector("区测甲", null);
        // an expired certificate and an ended term are flagged (today is 15 June 2026)
        String expired = api.post("qs_director", "/api/inspectors", """
                        {"name":"区测乙","kind":"PART_TIME","office":"JB0101","certificateExpires":"2026-01-31",
                         "term":3,"termStart":"2021-01-01","termEnd":"2025-12-31"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.certificateExpired").value(true))
                .andExpect(jsonPath("$.termEnded").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long second = ((Number) JsonPath.read(expired, "$.id")).longValue();
        api.get("qs_director", "/api/inspectors/" + first)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificateExpired").value(false))
                .andExpect(jsonPath("$.officeName").value("青山县"));
        // bad input names the field; an unknown kind and a term that ends before it starts
        api.post("qs_director", "/api/inspectors", """
                        {"name":"","kind":"SOMETIMES","office":"JB0101","termStart":"2026-01-01","termEnd":"2025-01-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("termEnd")));

        // more schools than a zone may hold: 400 naming schools, nothing written
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= 21; i++) many.add("\"JB0101010" + (i % 9 + 1) + i + "\"");
        api.post("qs_director", "/api/zones", """
                        {"code":"IZT-BIG","name":"过大责任区","county":"JB0101","schools":[%s]}""".formatted(String.join(",", many)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("schools"));
        api.get("qs_director", "/api/zones/IZT-BIG").andExpect(status().isNotFound());

        // a zone with two schools assigned, two without; the suggestion balances them
        api.post("qs_director", "/api/zones", """
                        {"code":"IZT-1","name":"城关测试责任区","county":"JB0101","lead":%d,
                         "schools":["IZT01","IZT02","IZT03","IZT04"],
                         "assignments":[{"school":"IZT01","inspector":%d},{"school":"IZT02","inspector":%d}]}""".formatted(first, first, first))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.schools.length()").value(4))
                .andExpect(jsonPath("$.loads[0].schools").value(2));
        // a school sits in one zone only
        api.post("qs_director", "/api/zones", """
                        {"code":"IZT-2","name":"重复责任区","county":"JB0101","schools":["IZT01"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("schools"));
        String suggested = api.post("qs_director", "/api/zones/IZT-1/suggestion", null)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> assigned = JsonPath.read(suggested, "$.schools[*].inspector");
        assertThat(assigned).doesNotContainNull();
        assertThat(assigned.stream().filter(i -> i == second).count())
                .as("the suggestion gives the unassigned schools to the less loaded inspector")
                .isGreaterThanOrEqualTo(1);
        // reassigning keeps history: who covered IZT01 when
        int version = JsonPath.read(suggested, "$.version");
        api.put("qs_director", "/api/zones/IZT-1", """
                        {"name":"城关测试责任区","lead":%d,"schools":["IZT01","IZT02","IZT03","IZT04"],
                         "assignments":[{"school":"IZT01","inspector":%d},{"school":"IZT02","inspector":%d},
                                        {"school":"IZT03","inspector":%d},{"school":"IZT04","inspector":%d}],
                         "version":%d}""".formatted(first, second, first, second, first, version))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.history[?(@.school=='IZT01')].until", hasItem("2026-06-15")));
        // a stale version is refused
        api.put("qs_director", "/api/zones/IZT-1", """
                        {"name":"城关测试责任区","schools":["IZT01"],"version":%d}""".formatted(version)).andExpect(status().isConflict());

        // the other county, the township and a school see none of it
        for (String other : List.of("dh_director", "cg_clerk", "school_clerk")) {
            api.get(other, "/api/inspectors/" + first).andExpect(status().isNotFound());
            api.get(other, "/api/zones/IZT-1").andExpect(status().isNotFound());
            api.get(other, "/api/inspectors").andExpect(jsonPath("$[*].id", not(hasItem((int) first))));
            api.get(other, "/api/zones").andExpect(jsonPath("$[*].code", not(hasItem("IZT-1"))));
        }
        api.put("dh_director", "/api/inspectors/" + first, "{\"name\":\"越权\"}").andExpect(status().isNotFound());
        // a clerk inside the county reads but does not change
        api.put("qs_admin", "/api/inspectors/" + first, "{\"name\":\"改名\",\"kind\":\"FULL_TIME\"}")
                .andExpect(status().isOk());
        api.post("dh_director", "/api/zones", """
                        {"code":"IZT-DH","name":"越权责任区","county":"JB0101","schools":[]}""").andExpect(status().isNotFound());
        api.upload("qs_director", "/api/inspectors/" + first + "/photo", "p.png", EvaluationFixtures.png())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.photo").isNumber());
        api.upload("qs_director", "/api/inspectors/" + first + "/photo", "p.png", "not a picture".getBytes())
                .andExpect(status().isBadRequest());
    }
}
