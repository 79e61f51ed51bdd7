package org.dudao.user;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@DudaoTest
class AccountsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = jdbc.queryForObject("select password_hash from app_user where username = 'admin'", String.class);
        org.assertj.core.api.Assertions.assertThat(hash).startsWith("$2a$").doesNotContain(Api.PASSWORD);
    }

    @Test
    void countyAdminManagesOnlyUsersInsideTheCounty() throws Exception {
        api.post("qs_admin", "/api/users", """
                {"username":"t_clerk1","displayName":"测试填报员","password":"start1234",
                 "grants":[{"role":"CLERK","orgUnit":"JB01010103"}]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.mustChangePassword").value(true))
                .andExpect(jsonPath("$.grants[0].orgUnitName").isString());
        api.get("qs_admin", "/api/users")
                .andExpect(jsonPath("$[*].username", hasItem("t_clerk1")))
                .andExpect(jsonPath("$[*].username", not(hasItem("dh_director"))))
                .andExpect(jsonPath("$[*].username", not(hasItem("city_director"))));
        api.get("qs_admin", "/api/users/dh_director").andExpect(status().isNotFound());
        api.post("qs_admin", "/api/users/dh_director/password-reset", "{\"password\":\"hijack123\"}")
                .andExpect(status().isNotFound());
        // granting outside one's scope is refused field by field
        api.post("qs_admin", "/api/users", """
                {"username":"t_bad","displayName":"越权","password":"start1234",
                 "grants":[{"role":"ADMIN","orgUnit":"JB01"},{"role":"NOBODY","orgUnit":"JB0101"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("grants[0].orgUnit")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("grants[1].role")));
        // not an administrator at all
        api.get("qs_director", "/api/users").andExpect(status().isForbidden());
    }

    @Test
    void userChangesOwnPasswordAndAdminResetsIt() throws Exception {
        api.post("admin", "/api/users", """
                {"username":"t_pw","displayName":"改密用户","password":"first1234",
                 "grants":[{"role":"LEADER","orgUnit":"JB0101"}]}""").andExpect(status().isCreated());
        mvc.perform(get("/api/me").with(httpBasic("t_pw", "first1234"))).andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/me/password")
                        .with(httpBasic("t_pw", "first1234"))
                        .contentType("application/json")
                        .content("{\"currentPassword\":\"wrong\",\"newPassword\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("currentPassword")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("newPassword")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/me/password")
                        .with(httpBasic("t_pw", "first1234"))
                        .contentType("application/json")
                        .content("{\"currentPassword\":\"first1234\",\"newPassword\":\"second1234\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic("t_pw", "first1234"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic("t_pw", "second1234"))).andExpect(status().isOk());
        api.post("admin", "/api/users/t_pw/password-reset", "{\"password\":\"third1234\"}")
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic("t_pw", "third1234"))).andExpect(status().isOk());
        api.get("admin", "/api/users/t_pw")
                .andExpect(jsonPath("$.mustChangePassword").value(true));
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
        api.post("admin", "/api/users", """
                {"username":"t_lock","displayName":"锁定用户","password":"right1234",
                 "grants":[{"role":"LEADER","orgUnit":"JB0101"}]}""").andExpect(status().isCreated());
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/me").with(httpBasic("t_lock", "wrong" + i))).andExpect(status().isUnauthorized());
        }
        // even the right password is refused while locked
        mvc.perform(get("/api/me").with(httpBasic("t_lock", "right1234"))).andExpect(status().isUnauthorized());
        api.get("admin", "/api/users/t_lock").andExpect(jsonPath("$.locked").value(true));
        api.post("admin", "/api/users/t_lock/unlock", null).andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(httpBasic("t_lock", "right1234"))).andExpect(status().isOk());
    }

    @Test
    void personalAccessTokensAuthenticateUntilRevoked() throws Exception {
        String body = api.post("cg_inspector", "/api/me/tokens", "{\"name\":\"脚本\",\"days\":30}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(body, "$.token");
        Integer id = JsonPath.read(body, "$.id");
        mvc.perform(get("/api/org-units/JB010101").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        // a token carries its owner's scope, nothing more
        mvc.perform(get("/api/org-units/JB010102").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound());
        api.get("cg_inspector", "/api/me/tokens")
                .andExpect(jsonPath("$[0].token").doesNotExist());
        // another user cannot revoke it
        api.delete("qs_director", "/api/me/tokens/{id}", id).andExpect(status().isNotFound());
        api.delete("cg_inspector", "/api/me/tokens/{id}", id).andExpect(status().isNoContent());
        mvc.perform(get("/api/org-units/JB010101").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").header("Authorization", "Bearer dd_forged"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("未登录"));
    }
}
