package org.dudao.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@DudaoTest
class AuditApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

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

        // the screen reads as text: the actor's name, the object type in words, one line per changed field
        String page = mvc.perform(MockMvcRequestBuilders.get("/admin/audit?q=T-AUD&type=OrgUnit")
                        .with(user(users.loadUserByUsername("qs_admin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String director = users.loadUserByUsername("qs_director").getUsername();
        org.assertj.core.api.Assertions.assertThat(page)
                .contains(displayName("qs_director") + "（" + director + "）")
                .contains("组织机构")
                .contains("名称：")
                .contains("审计村（新）")
                .doesNotContain("{&quot;")
                .doesNotContain(">OrgUnit<");
    }

    private String displayName(String username) {
        return ((org.dudao.shared.DudaoUser) users.loadUserByUsername(username)).displayName();
    }
}
