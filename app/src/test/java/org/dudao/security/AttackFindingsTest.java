package org.dudao.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 500s an attack on a running node found (issue 11), each answered now with a 400 that names the field.
 * {@link FuzzWalkTest} sends the same kinds of input to every endpoint; these pin the exact answers.
 */
@DudaoTest
class AttackFindingsTest {

    /** 25 Chinese characters and two ASCII ones: 27 characters, but 77 bytes in UTF-8. */
    static final String LONG_PASSWORD = "密".repeat(25) + "a1";

    @Autowired
    MockMvc mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void searchingUnderAUnitAnswers() throws Exception {
        api.get("qs_director", "/api/org-units/search?under=JB0101&q=JB01010101")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[*].code", hasItem("JB01010101")));
    }

    @Test
    void aNullGrantIsAFieldProblem() throws Exception {
        api.post("qs_admin", "/api/users", """
                {"username":"t_atk_null","displayName":"空授权","password":"start1234","grants":[null]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("grants[0]")));
    }

    @Test
    void passwordsOver72BytesAreRefusedWithTheLimit() throws Exception {
        api.post("qs_admin", "/api/users", """
                {"username":"t_atk_pw","displayName":"长密码","password":"%s",
                 "grants":[{"role":"LEADER","orgUnit":"JB0101"}]}""".formatted(LONG_PASSWORD))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message", containsString("72")));
        api.post("qs_admin", "/api/users", """
                {"username":"t_atk_pw","displayName":"长密码","password":"start1234",
                 "grants":[{"role":"LEADER","orgUnit":"JB0101"}]}""").andExpect(status().isCreated());
        api.post("qs_admin", "/api/users/t_atk_pw/password-reset", "{\"password\":\"%s\"}".formatted(LONG_PASSWORD))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("72")));
        mvc.perform(post("/api/me/password")
                        .with(httpBasic("t_atk_pw", "start1234"))
                        .contentType("application/json")
                        .header("Accept-Language", "en")
                        .param("lang", "en")
                        .content("{\"currentPassword\":\"start1234\",\"newPassword\":\"%s\"}".formatted(LONG_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("newPassword"))
                .andExpect(jsonPath("$.errors[0].message", containsString("72 bytes")));
    }

    @Test
    void aDuplicateKeyIsAFieldProblem() throws Exception {
        api.post("qs_director", "/api/org-units/JB01010101/move", "{\"parentCode\":\"JB010102\",\"parentCode\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parentCode"))
                .andExpect(jsonPath("$.errors[0].message").value("同一字段出现了多次"));
        api.post("qs_director", "/api/rectifications/1/reject", "{\"reason\":\"a\",\"reason\":\"b\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void controlCharactersAndWrongTypesNameTheField() throws Exception {
        api.post("qs_director", "/api/me/tokens", "{\"name\":\"a\\u0000b\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("不能包含控制字符"));
        api.post("qs_director", "/api/org-units", "{\"code\":\"JB0101990\",\"enrolment\":{\"primary\":\"many\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enrolment.primary"))
                .andExpect(jsonPath("$.errors[0].message").value("格式不正确"));
        api.post("qs_director", "/api/org-units", "[".repeat(5_000) + "]".repeat(5_000))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void aNulTypedIntoAScreenIsRefusedNotStored() throws Exception {
        // PostgreSQL cannot store NUL: a form field or query value holding one is a 400, never a server error
        mvc.perform(
                        post("/public/projects/QS-NONE/objections")
                                .param("evaluation", "1")
                                .param("body", "有异议\u0000")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aNulInAnUploadedFileNameIsRefused() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        mvc.perform(multipart("/api/evidence")
                        .file(new MockMultipartFile("file", "a\u0000.png", "image/png", png))
                        .param("orgUnit", "JB01010101")
                        .with(httpBasic("cg_clerk", Api.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }
}
