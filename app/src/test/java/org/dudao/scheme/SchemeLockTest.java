package org.dudao.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.function.Supplier;
import org.dudao.engine.CompiledScheme;
import org.dudao.shared.NotFoundException;
import org.dudao.support.Api;
import org.dudao.support.DudaoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The service the evaluation feature calls: mark a version in use (read-only) and score with its compiled form. */
@DudaoTest
class SchemeLockTest {

    @Autowired
    Schemes schemes;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    private <T> T as(String username, Supplier<T> work) {
        UserDetails user = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void markInUseMakesTheVersionReadOnlyAndIsIdempotent() throws Exception {
        Api api = new Api(mvc);
        api.post("qs_director", "/api/schemes", SchemeApiTest.scheme("T-INUSE")).andExpect(status().isCreated());
        long id = as("qs_expert", () -> schemes.versionId("T-INUSE", null));

        // an expert of the county starting an evaluation may lock it; twice is fine
        VersionInfo locked = as("qs_expert", () -> schemes.markInUse(id));
        assertThat(locked.locked()).isTrue();
        assertThat(locked.version()).isEqualTo(1);
        assertThat(as("qs_expert", () -> schemes.markInUse(id))
                        .lockedAt()
                        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .isEqualTo(locked.lockedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        api.put("qs_director", "/api/schemes/T-INUSE/versions/1", SchemeApiTest.scheme("T-INUSE"))
                .andExpect(status().isConflict());
        api.post("qs_director", "/api/schemes", SchemeApiTest.scheme("T-INUSE"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.locked").value(false));
        api.get("qs_director", "/api/schemes/T-INUSE/versions")
                .andExpect(jsonPath("$[1].locked").value(true))
                .andExpect(jsonPath("$[0].locked").value(false));

        // outside the scope the version does not exist
        assertThatThrownBy(() -> as("dh_director", () -> schemes.markInUse(id))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void compilesEachVersionOnce() throws Exception {
        new Api(mvc)
                .post("qs_director", "/api/schemes", SchemeApiTest.scheme("T-CACHE"))
                .andExpect(status().isCreated());
        long id = as("qs_director", () -> schemes.versionId("T-CACHE", 1));
        CompiledScheme first = as("qs_director", () -> schemes.compiled(id));
        CompiledScheme again = as("school_clerk", () -> schemes.compiled("T-CACHE", 1));
        assertThat(again).isSameAs(first);
        assertThat(first.items()).contains("books", "equipment_value", "danger_d_in_use");
    }

    @Test
    void useLocksTheVersionInOneCallAndKeepsItsCompiledForm() throws Exception {
        new Api(mvc)
                .post("qs_director", "/api/schemes", SchemeApiTest.scheme("T-USE"))
                .andExpect(status().isCreated());
        VersionInfo used = as("qs_expert", () -> schemes.use("T-USE", null));
        assertThat(used.locked()).isTrue();
        assertThat(used.version()).isEqualTo(1);
        CompiledScheme first = as("qs_expert", () -> schemes.compiled(used.id()));
        assertThat(as("school_clerk", () -> schemes.compiled(used.id()))).isSameAs(first);
    }
}
