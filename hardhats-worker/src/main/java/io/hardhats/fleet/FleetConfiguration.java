package io.hardhats.fleet;

import io.hardhats.cameras.CameraConfigReader;
import io.hardhats.config.HardhatsProperties;
import io.hardhats.config.RunsWorker;
import io.hardhats.tenancy.SystemTransactions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

/**
 * The worker fleet, in processes that run the worker. {@code hardhats.fleet.enabled=false}
 * keeps the beans but claims nothing (tests that drive coordinators themselves).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RunsWorker.class)
@EnableConfigurationProperties(LeaseSettings.class)
public class FleetConfiguration {

    @Bean
    WorkerIdentity workerIdentity(HardhatsProperties properties) {
        return WorkerIdentity.create(properties.effectiveWorkerCapacity());
    }

    @Bean
    WorkerRegistry workerRegistry(DataSource dataSource) {
        return new WorkerRegistry(JdbcClient.create(dataSource));
    }

    @Bean
    CameraLeaseRepository cameraLeaseRepository(DataSource dataSource) {
        return new CameraLeaseRepository(JdbcClient.create(dataSource));
    }

    @Bean
    CameraConfigReader cameraConfigReader(DataSource dataSource, SystemTransactions systemTransactions) {
        return new CameraConfigReader(JdbcClient.create(dataSource), systemTransactions);
    }

    @Bean
    @ConditionalOnProperty(name = "hardhats.fleet.enabled", havingValue = "true", matchIfMissing = true)
    FleetLifecycle fleetLifecycle(ObjectProvider<CameraAssignments> assignments, WorkerIdentity identity,
            LeaseSettings settings, WorkerRegistry registry, CameraLeaseRepository leases,
            SystemTransactions systemTransactions) {
        return new FleetLifecycle(assignments,
                pipeline -> new LeaseCoordinator(identity, settings,
                        new FleetTables(registry, leases, systemTransactions), pipeline));
    }
}
