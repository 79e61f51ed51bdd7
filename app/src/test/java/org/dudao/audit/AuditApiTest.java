package org.dudao.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@DudaoTest
class AuditApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void recordsWhoChangedWhatFromOldToNewAndShowsItOnlyWithinScope() throws Exception {
        Api api = new Api(mvc);
        api.post("qs_director", "/api/org-units", """
                {"code":"T-AUD","name":"审计村","kind":"村","parentCode":"JB010105"}""").andExpect(status().isCreated());
        api.put("qs_director", "/api/org-units/T-AUD", "{\"name\":\"审计村（新）\",\"kind\":\"村\"}")
                .andExpect(status().isOk());
        api.get("qs_admin", "/api/audit?q=T-AUD&type=OrgUnit")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].action").value("UPDATE"))
                .andExpect(jsonPath("$.content[0].username").value("qs_director"))
                .andExpect(jsonPath("$.content[0].oldValue", containsString("审计村")))
                .andExpect(jsonPath("$.content[0].newValue", containsString("审计村（新）")))
                .andExpect(jsonPath("$.content[1].action").value("CREATE"));
        // the other county's administrator does not see it; non-administrators may not read the log
        api.get("admin", "/api/audit?q=T-AUD").andExpect(jsonPath("$.content[*].entityId", hasItem("T-AUD")));
        api.get("qs_admin", "/api/audit?size=200").andExpect(jsonPath("$.content[*].entityLabel", not(hasItem("东湖区"))));
        api.get("qs_director", "/api/audit").andExpect(status().isForbidden());
        api.get("qs_admin", "/api/audit?q=qs_director&size=5")
                .andExpect(jsonPath("$.content[*].username", everyItem(org.hamcrest.Matchers.is("qs_director"))));
    }
}
