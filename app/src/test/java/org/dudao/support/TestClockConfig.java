package org.dudao.support;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the app's system clock with {@link TestClock}, in the app's zone. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

    @Bean
    @Primary
    Clock testClock(@Value("${dudao.zone:Asia/Shanghai}") ZoneId zone) {
        return TestClock.clock().withZone(zone);
    }
}
