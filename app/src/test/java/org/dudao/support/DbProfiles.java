package org.dudao.support;

import org.springframework.test.context.ActiveProfilesResolver;

/** Picks the database for the test run from DUDAO_DB (h2 or postgres). */
public class DbProfiles implements ActiveProfilesResolver {

    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getenv("DUDAO_DB"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return postgres() ? new String[] {"postgres", "demo", "test"} : new String[] {"h2", "demo", "test", "test-h2"};
    }

    /** The same database kind, in a database (H2) or schema (PostgreSQL) of its own, without demo data. */
    public static class Module implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return postgres()
                    ? new String[] {"postgres", "test", "module", "module-postgres"}
                    : new String[] {"h2", "test", "module", "module-h2"};
        }
    }
}
