package org.broadsheet;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featurePackagesDependOnlyOnWhatDesignAllows() {
        ApplicationModules.of(BroadsheetApplication.class).verify();
    }
}
