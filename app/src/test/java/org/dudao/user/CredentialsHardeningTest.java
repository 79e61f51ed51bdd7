package org.dudao.user;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 11, sessions and credentials: versions, revocation on password change, must-change, names, self-edits. */
@DudaoTest
class CredentialsHardeningTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    /** Creates a user that need not change the password (so it can act at once). */
    private void user(String username, String role, String unit) throws Exception {
        api.post("admin", "/api/users", """
                {"username":"%s","displayName":"加固测试","password":"%s","mustChangePassword":false,
                 "grants":[{"role":"%s","orgUnit":"%s"}]}""".formatted(username, Api.PASSWORD, role, unit))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mustChangePassword").value(false));
    }

    private int version(String username) throws Exception {
        return JsonPath.read(
                api.get("admin", "/api/users/" + username)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.version");
    }

    @Autowired
    org.springframework.security.web.FilterChainProxy chains;

    @Autowired
    org.springframework.security.authentication.AuthenticationManager manager;

    /** Issue 17: HTTP Basic and the login form check passwords through the manager that remembers a match. */
    @Test
    void everyChainSignsInThroughTheManagerThatRemembersCredentials() {
        int checked = 0;
        for (var chain : chains.getFilterChains()) {
            for (var filter : chain.getFilters()) {
                if (filter instanceof org.springframework.security.web.authentication.www.BasicAuthenticationFilter
                        || filter
                                instanceof
                                org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter) {
                    org.assertj.core.api.Assertions.assertThat(
                                    org.springframework.test.util.ReflectionTestUtils.getField(
                                            filter, "authenticationManager"))
                            .as("%s in %s", filter.getClass().getSimpleName(), chain)
                            .isSameAs(manager);
                    checked++;
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aStaleVersionIsAConflictNotALostUpdate() throws Exception {
        user("t_hv_ver", "LEADER", "JB0101");
        int v = version("t_hv_ver");
        String body = """
                {"displayName":"%s","version":%d,"grants":[{"role":"LEADER","orgUnit":"JB0101"}]}""";
        api.put("admin", "/api/users/t_hv_ver", body.formatted("第一次", v)).andExpect(status().isOk());
        api.put("admin", "/api/users/t_hv_ver", body.formatted("第二次", v))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409));
        api.get("admin", "/api/users/t_hv_ver")
                .andExpect(jsonPath("$.displayName").value("第一次"));
    }

    @Test
    void parallelEditsWithOneVersionSaveOnce() throws Exception {
        user("t_hv_par", "LEADER", "JB0101");
        int v = version("t_hv_par");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 12; i++) {
                String body = """
                        {"displayName":"并发%d","version":%d,"grants":[{"role":"LEADER","orgUnit":"JB0101"}]}""".formatted(i, v);
                answers.add(pool.submit(() -> api.put("admin", "/api/users/t_hv_par", body)
                        .andReturn()
                        .getResponse()
                        .getStatus()));
            }
            var statuses = new java.util.ArrayList<Integer>();
            for (var a : answers) {
                statuses.add(a.get());
            }
            org.assertj.core.api.Assertions.assertThat(statuses)
                    .containsOnly(200, 409)
                    .filteredOn(x -> x == 200)
                    .hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theEditScreenRefusesAStaleVersion() throws Exception {
        user("t_hv_web", "LEADER", "JB0101");
        int v = version("t_hv_web");
        api.put("admin", "/api/users/t_hv_web", """
                {"displayName":"先改","version":%d,"grants":[{"role":"LEADER","orgUnit":"JB0101"}]}""".formatted(v)).andExpect(status().isOk());
        mvc.perform(post("/admin/users/t_hv_web")
                        .cookie(login("admin", Api.PASSWORD))
                        .with(csrf())
                        .param("displayName", "后改")
                        .param("enabled", "true")
                        .param("version", String.valueOf(v))
                        .param("grants[0].role", "LEADER")
                        .param("grants[0].orgUnit", "JB0101"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("该记录已被他人修改")));
        api.get("admin", "/api/users/t_hv_web")
                .andExpect(jsonPath("$.displayName").value("先改"));
    }

    @Test
    void aPasswordChangeEndsTokensAndOtherSessions() throws Exception {
        user("t_hv_sess", "LEADER", "JB0101");
        String token = JsonPath.read(
                api.post("t_hv_sess", "/api/me/tokens", "{\"name\":\"脚本\"}")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.token");
        Cookie other = login("t_hv_sess", Api.PASSWORD);
        Cookie changing = login("t_hv_sess", Api.PASSWORD);
        mvc.perform(get("/account").cookie(other)).andExpect(status().isOk());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        // changed in the UI: that session goes on, the other session and the token end
        mvc.perform(post("/account/password")
                        .cookie(changing)
                        .with(csrf())
                        .param("currentPassword", Api.PASSWORD)
                        .param("newPassword", "newpass123"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/account")));
        mvc.perform(get("/account").cookie(changing)).andExpect(status().isOk());
        mvc.perform(get("/account").cookie(other))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());

        // an administrator's reset ends every session, including the one that changed the password before
        api.post("admin", "/api/users/t_hv_sess/password-reset", "{\"password\":\"reset1234\"}")
                .andExpect(status().isNoContent());
        mvc.perform(get("/account").cookie(changing))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }

    @Test
    void changedGrantsOrADisabledAccountEndTheUsersSessions() throws Exception {
        user("t_hv_grant", "LEADER", "JB0101");
        Cookie session = login("t_hv_grant", Api.PASSWORD);
        mvc.perform(get("/org/JB0101").cookie(session)).andExpect(status().isOk());
        // the role moves to a township: the old session must not keep the county
        api.put("admin", "/api/users/t_hv_grant", """
                {"displayName":"加固测试","grants":[{"role":"LEADER","orgUnit":"JB010101"}]}""").andExpect(status().isOk());
        mvc.perform(get("/org/JB0101").cookie(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        Cookie again = login("t_hv_grant", Api.PASSWORD);
        api.put("admin", "/api/users/t_hv_grant", """
                {"displayName":"加固测试","enabled":false,"grants":[{"role":"LEADER","orgUnit":"JB010101"}]}""").andExpect(status().isOk());
        mvc.perform(get("/account").cookie(again))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }

    /** HTTP Basic passwords are remembered for a while (issue 17); a change, a lock or a disable still ends them. */
    @Test
    void aRememberedBasicPasswordEndsWithAChangeALockOrADisable() throws Exception {
        user("t_hv_basic", "LEADER", "JB0101");
        var first = httpBasic("t_hv_basic", Api.PASSWORD);
        mvc.perform(get("/api/me").with(first)).andExpect(status().isOk());
        mvc.perform(get("/api/me").with(first)).andExpect(status().isOk());
        api.post("t_hv_basic", "/api/me/password", """
                {"currentPassword":"%s","newPassword":"other1234"}""".formatted(Api.PASSWORD)).andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(first)).andExpect(status().isUnauthorized());
        var changed = httpBasic("t_hv_basic", "other1234");
        mvc.perform(get("/api/me").with(changed)).andExpect(status().isOk());

        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/me").with(httpBasic("t_hv_basic", "wrong" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(changed)).andExpect(status().isUnauthorized());

        user("t_hv_basic2", "LEADER", "JB0101");
        var second = httpBasic("t_hv_basic2", Api.PASSWORD);
        mvc.perform(get("/api/me").with(second)).andExpect(status().isOk());
        api.put("admin", "/api/users/t_hv_basic2", """
                {"displayName":"加固测试","enabled":false,"grants":[{"role":"LEADER","orgUnit":"JB0101"}]}""").andExpect(status().isOk());
        mvc.perform(get("/api/me").with(second)).andExpect(status().isUnauthorized());
    }

    @Test
    void anApiPasswordChangeRevokesTokens() throws Exception {
        user("t_hv_tok", "LEADER", "JB0101");
        String token = JsonPath.read(
                api.post("t_hv_tok", "/api/me/tokens", "{\"name\":\"脚本\"}")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.token");
        api.post("t_hv_tok", "/api/me/password", """
                {"currentPassword":"%s","newPassword":"other1234"}""".formatted(Api.PASSWORD)).andExpect(status().isNoContent());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void aUserWhoMustChangeThePasswordMayOnlyDoThat() throws Exception {
        api.post("admin", "/api/users", """
                {"username":"t_hv_must","displayName":"须改密","password":"start1234",
                 "grants":[{"role":"LEADER","orgUnit":"JB0101"}]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mustChangePassword").value(true));
        mvc.perform(get("/api/org-units/JB0101").with(httpBasic("t_hv_must", "start1234")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("mustChangePassword"))
                .andExpect(jsonPath("$.detail").isString());
        mvc.perform(post("/api/me/tokens")
                        .with(httpBasic("t_hv_must", "start1234"))
                        .contentType("application/json")
                        .content("{\"name\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/me").with(httpBasic("t_hv_must", "start1234")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mustChangePassword").value(true));

        // the UI sends every page to the password form
        Cookie session = login("t_hv_must", "start1234");
        mvc.perform(get("/org").cookie(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/account")));
        mvc.perform(get("/account").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/api/me/password")
                        .with(httpBasic("t_hv_must", "start1234"))
                        .contentType("application/json")
                        .content("{\"currentPassword\":\"start1234\",\"newPassword\":\"changed1234\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/org-units/JB0101").with(httpBasic("t_hv_must", "changed1234")))
                .andExpect(status().isOk());
    }

    @Test
    void usernamesAreUniqueRegardlessOfCase() throws Exception {
        user("t_hv_case", "LEADER", "JB0101");
        api.post("admin", "/api/users", """
                {"username":"T_HV_Case","displayName":"大小写","password":"start1234",
                 "grants":[{"role":"LEADER","orgUnit":"JB0101"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("username")));
        // the database holds the rule too, so two concurrent creations cannot both pass the check
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "insert into app_user (username, username_key, display_name, password_hash, created_at)"
                                + " values ('T_HV_CASE', 't_hv_case', 'x', 'x', current_timestamp)"))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        // sign-in compares the name exactly
        mvc.perform(get("/api/me").with(httpBasic("T_HV_CASE", Api.PASSWORD))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic("t_hv_case", Api.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void anAdministratorCannotGrantHimselfRolesNorDisableHimself() throws Exception {
        api.put("qs_admin", "/api/users/qs_admin", """
                {"displayName":"青山县管理员","grants":[{"role":"ADMIN","orgUnit":"JB0101"},
                 {"role":"DIRECTOR","orgUnit":"JB0101"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("grants")));
        api.put("qs_admin", "/api/users/qs_admin", """
                {"displayName":"青山县管理员","enabled":false,"grants":[{"role":"ADMIN","orgUnit":"JB0101"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("enabled")));
        api.get("qs_admin", "/api/users/qs_admin")
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.grants.length()").value(1));
    }

    private Cookie login(String username, String password) throws Exception {
        Cookie cookie = mvc.perform(SecurityMockMvcRequestBuilders.formLogin()
                        .user(username)
                        .password(password))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        org.assertj.core.api.Assertions.assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }
}
