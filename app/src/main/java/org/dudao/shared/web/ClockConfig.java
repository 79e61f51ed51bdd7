package org.dudao.shared.web;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole app, in the zone of {@code dudao.zone} (default China Standard Time): instants are
 * stored in UTC and shown in this zone; replaceable in tests.
 */
@Configuration
class ClockConfig {

    @Bean
    Clock clock(@Value("${dudao.zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }
}
