package org.redress.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries of house-style section 3: no cycles, no reaching into another module's
 * internals, only the dependencies each {@code package-info.java} allows. Also writes the module
 * diagrams to {@code target/spring-modulith-docs}; the copy in {@code docs/modules} is refreshed
 * from there when modules change.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(RedressApplication.class);

    @Test
    void keepsModuleBoundaries() {
        MODULES.verify();
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
