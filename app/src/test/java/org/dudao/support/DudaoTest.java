package org.dudao.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full-application test on a real server port, against H2 by default or PostgreSQL with DUDAO_DB=postgres.
 * Every test class uses exactly this configuration, so the whole suite shares one application context.
 * Tests share the demo data: create what you change, with codes of your own. The app's clock is {@link TestClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false) // the Prometheus registry, as in production (OperationsTest)
@ActiveProfiles(resolver = DbProfiles.class)
@Import({TestDatabaseConfig.class, TestClockConfig.class})
public @interface DudaoTest {}
