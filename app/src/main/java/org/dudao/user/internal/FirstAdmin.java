package org.dudao.user.internal;

import java.time.Clock;
import java.time.Instant;
import org.dudao.shared.Problems;
import org.dudao.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Production first start: with no user at all, creates "admin" (system administrator over the whole tree) with
 * the password from DUDAO_ADMIN_PASSWORD, and refuses to start without one. Demo mode creates its own users.
 */
@Component
@Profile("!demo")
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String password;

    FirstAdmin(
            AppUserRepository users,
            PasswordEncoder encoder,
            Clock clock,
            @Value("${dudao.admin-password:}") String password) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        Problems problems = new Problems();
        Accounts.checkPassword(problems, "DUDAO_ADMIN_PASSWORD", password);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("No user exists yet: set DUDAO_ADMIN_PASSWORD (at least 8 characters, "
                    + "letters and digits) to create the first administrator \"admin\".");
        }
        AppUser admin = new AppUser("admin", "系统管理员", encoder.encode(password), Instant.now(clock));
        admin.getGrants().add(new RoleGrant(Role.ADMIN, null));
        users.save(admin);
        log.info("Created the first administrator \"admin\".");
    }
}
