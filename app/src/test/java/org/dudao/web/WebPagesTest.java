package org.dudao.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The server-rendered screens: sign-in, scope on pages, form errors in Chinese, CSRF, English bundle. */
@DudaoTest
class WebPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void formLoginWorksAndWrongPasswordsDoNot() throws Exception {
        mvc.perform(get("/org"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        mvc.perform(SecurityMockMvcRequestBuilders.formLogin()
                        .user("qs_director")
                        .password(Api.PASSWORD))
                .andExpect(authenticated().withUsername("qs_director"));
        mvc.perform(SecurityMockMvcRequestBuilders.formLogin()
                        .user("qs_director")
                        .password("nope"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login")).andExpect(content().string(containsString("督导通")));
    }

    @Test
    void pagesShowOnlyWhatIsInScope() throws Exception {
        mvc.perform(get("/org/JB01010101").with(as("qs_director")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("城关中心小学")));
        mvc.perform(get("/org/JB010201").with(as("qs_director")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("页面不存在或您无权访问")))
                .andExpect(content().string(not(containsString("湖滨"))));
        mvc.perform(get("/admin/users").with(as("qs_director"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(as("qs_admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("school_clerk")))
                .andExpect(content().string(not(containsString("dh_director"))));
        mvc.perform(get("/").with(as("school_clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("单位填报员")))
                .andExpect(content().string(not(containsString("用户管理"))));
    }

    @Test
    void formErrorsAppearNextToTheFieldsInChinese() throws Exception {
        mvc.perform(post("/org/new")
                        .with(as("qs_director"))
                        .with(csrf())
                        .param("code", "T-WEB-1")
                        .param("name", "")
                        .param("kind", "PRIMARY")
                        .param("parentCode", "JB010101")
                        .param("enrolment.primary", "-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("必填")))
                .andExpect(content().string(containsString("应在 0 到 100,000 之间")))
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(post("/org/new")
                        .with(as("qs_director"))
                        .with(csrf())
                        .param("code", "T-WEB-1")
                        .param("name", "网页新增小学")
                        .param("kind", "PRIMARY")
                        .param("parentCode", "JB010101")
                        .param("enrolment.primary", "300"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/org/T-WEB-1"));
    }

    @Test
    void administratorCreatesAUserWithTwoRolesOnTheUserScreen() throws Exception {
        mvc.perform(post("/admin/users/new")
                        .with(as("qs_admin"))
                        .with(csrf())
                        .param("addGrant", "true")
                        .param("username", "t_web_user")
                        .param("grants[0].role", "CLERK")
                        .param("grants[0].orgUnit", "JB01010104"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("grants[1].role")));
        mvc.perform(post("/admin/users/new")
                        .with(as("qs_admin"))
                        .with(csrf())
                        .param("username", "t_web_user")
                        .param("displayName", "网页用户")
                        .param("password", "web12345")
                        .param("enabled", "true")
                        .param("grants[0].role", "CLERK")
                        .param("grants[0].orgUnit", "JB01010104")
                        .param("grants[1].role", "HEAD")
                        .param("grants[1].orgUnit", "JB01010104"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/users/t_web_user").with(as("qs_admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("grants[1].role")));
        mvc.perform(post("/admin/users/new")
                        .with(as("qs_admin"))
                        .with(csrf())
                        .param("username", "x")
                        .param("displayName", "")
                        .param("password", "123"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("用户名为 3 到 64 位")))
                .andExpect(content().string(containsString("密码至少 8 位")))
                .andExpect(content().string(containsString("至少授予一个角色")));
    }

    @Test
    void writesWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/org/new")
                        .with(as("qs_director"))
                        .param("code", "T-CSRF")
                        .param("name", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void englishBundleAndApiDocs() throws Exception {
        mvc.perform(get("/org").param("lang", "en").with(as("qs_director")))
                .andExpect(content().string(containsString("Organisations")));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/org-units/{code}")));
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
    }
}
