package org.dudao.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * One feature with the features it declares it depends on (and the shared kernel), without the rest of the
 * application: proves the feature's beans need nothing undeclared. It runs on a database of its own (profile
 * {@code module}), so cleaning it never disturbs the full-application tests. No other class shares its context, so
 * it is closed after the class: cached contexts would keep their connection pools open (PostgreSQL allows 100).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "shared")
@ActiveProfiles(resolver = DbProfiles.Module.class)
@Import({TestDatabaseConfig.class, TestClockConfig.class})
@DirtiesContext
public @interface ModuleTest {}
