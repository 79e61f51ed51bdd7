package org.dudao.user.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.dudao.org.OrgUnitRef;
import org.dudao.org.OrgUnits;
import org.dudao.shared.Access;
import org.dudao.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Demo profile only: one user per role at a sensible node, all with the password in {@link #PASSWORD}. */
@Component
@Profile("demo")
@Order(20)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "demo1234";

    /** username, display name, role, org code — listed in the README. */
    static final List<String[]> USERS = List.of(
            new String[] {"admin", "系统管理员", "ADMIN", "JB"},
            new String[] {"province_director", "省督导室 吴主任", "DIRECTOR", "JB"},
            new String[] {"city_director", "市督导室 周主任", "DIRECTOR", "JB01"},
            new String[] {"qs_director", "青山县督导室 王主任", "DIRECTOR", "JB0101"},
            new String[] {"dh_director", "东湖区督导室 李主任", "DIRECTOR", "JB0102"},
            new String[] {"qs_admin", "青山县 系统管理员", "ADMIN", "JB0101"},
            new String[] {"city_expert", "市评估专家 赵专家", "EXPERT", "JB01"},
            new String[] {"qs_expert", "县评估专家 钱专家", "EXPERT", "JB0101"},
            new String[] {"cg_inspector", "责任督学 孙督学", "INSPECTOR", "JB010101"},
            new String[] {"cg_clerk", "城关镇 填报员", "CLERK", "JB010101"},
            new String[] {"school_clerk", "城关中心小学 填报员", "CLERK", "JB01010101"},
            new String[] {"school_head", "城关中心小学 刘校长", "HEAD", "JB01010101"},
            new String[] {"city_leader", "市教育局 陈局长", "LEADER", "JB01"},
            new String[] {"public", "社会公众", "PUBLIC", "JB"});

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final AppUserRepository users;
    private final OrgUnits orgUnits;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoUsers(
            AppUserRepository users, OrgUnits orgUnits, PasswordEncoder encoder, TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.orgUnits = orgUnits;
        this.encoder = encoder;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String[]> missing =
                USERS.stream().filter(u -> !users.existsByUsername(u[0])).toList();
        if (missing.isEmpty()) {
            return;
        }
        String hash = encoder.encode(PASSWORD);
        // each missing user, so a user added to the list (province_director) appears in an older demo database
        Access.runAsSystem(() -> tx.executeWithoutResult(s -> {
            for (String[] u : missing) {
                OrgUnitRef unit = orgUnits.readable(u[3]);
                AppUser user = new AppUser(u[0], u[1], hash, Instant.now(clock));
                user.getGrants().add(new RoleGrant(Role.valueOf(u[2]), unit.id()));
                users.save(user);
            }
        }));
    }

    /** The start log says where to go and whom to sign in as: demo data exists to try the flow. */
    @EventListener
    void announce(ApplicationReadyEvent ready) {
        announce(ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080"));
    }

    void announce(String port) {
        log.info(
                "Dudao 督导通 is ready at http://localhost:{}/ — demo users, all with the password {}: {}",
                port,
                PASSWORD,
                USERS.stream().map(u -> u[0] + " (" + u[1] + ")").collect(Collectors.joining(", ")));
    }
}
