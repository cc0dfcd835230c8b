package io.hardhats;

import org.junit.jupiter.api.Test;

class WebPackagesTest {

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        PackageCycles.assertNone(WebMain.class);
    }
}
