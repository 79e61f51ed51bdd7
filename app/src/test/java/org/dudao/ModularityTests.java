package org.dudao;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** No cycles between features and no reaching into another feature's internals. */
class ModularityTests {

    @Test
    void featuresRespectTheirBoundaries() {
        ApplicationModules.of(DudaoApplication.class).verify();
    }
}
