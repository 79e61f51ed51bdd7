package org.dudao.user.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Production first start: no demo users, and the administrator's password must come from the environment. */
class FirstAdminTest {

    private final AppUserRepository users = mock(AppUserRepository.class);

    @Test
    void refusesToStartWithoutAnAdministratorPassword() {
        when(users.count()).thenReturn(0L);
        FirstAdmin first = new FirstAdmin(users, new BCryptPasswordEncoder(), Clock.systemUTC(), "");
        assertThatThrownBy(() -> first.run(null)).hasMessageContaining("DUDAO_ADMIN_PASSWORD");
        verify(users, never()).save(any());
    }

    @Test
    void createsTheAdministratorOverTheWholeTreeOnce() {
        when(users.count()).thenReturn(0L);
        new FirstAdmin(users, new BCryptPasswordEncoder(), Clock.systemUTC(), "strong2026pw").run(null);
        ArgumentCaptor<AppUser> saved = ArgumentCaptor.forClass(AppUser.class);
        verify(users).save(saved.capture());
        assertThat(saved.getValue().getUsername()).isEqualTo("admin");
        assertThat(saved.getValue().getGrants())
                .singleElement()
                .satisfies(g -> assertThat(g.getOrgUnitId()).isNull());
        assertThat(new BCryptPasswordEncoder()
                        .matches("strong2026pw", saved.getValue().getPasswordHash()))
                .isTrue();

        when(users.count()).thenReturn(1L);
        new FirstAdmin(users, new BCryptPasswordEncoder(), Clock.systemUTC(), "").run(null);
        verify(users, org.mockito.Mockito.times(1)).save(any());
    }
}
