package io.hardhats.fleet;

import io.hardhats.tenancy.SystemTransactions;

/** The fleet's two tables and the system transactions every read and write of them runs in. */
public record FleetTables(WorkerRegistry registry, CameraLeaseRepository leases, SystemTransactions transactions) {
}
