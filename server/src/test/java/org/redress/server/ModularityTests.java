package org.redress.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Module boundaries of house-style section 3: no cycles, no reaching into another module's internals. */
class ModularityTests {

    @Test
    void keepsModuleBoundaries() {
        ApplicationModules.of(RedressApplication.class).verify();
    }
}
