package io.hardhats;

import org.junit.jupiter.api.Test;

class WorkerPackagesTest {

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        PackageCycles.assertNone(WorkerMain.class);
    }
}
