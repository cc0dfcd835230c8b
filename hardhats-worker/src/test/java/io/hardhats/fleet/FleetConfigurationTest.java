package io.hardhats.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.UUID;

import javax.sql.DataSource;

import io.hardhats.config.HardhatsProperties;
import io.hardhats.tenancy.SystemTransactions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

class FleetConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HardhatsProperties.class)
    static class Infrastructure {
        @Bean
        DataSource dataSource() {
            return mock(DataSource.class);
        }

        @Bean
        PlatformTransactionManager transactionManager() {
            return mock(PlatformTransactionManager.class);
        }

        @Bean
        SystemTransactions systemTransactions(PlatformTransactionManager transactionManager) {
            return new SystemTransactions(transactionManager);
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, FleetConfiguration.class);

    @Test
    void webProcessesHaveNoFleet() {
        runner.withPropertyValues("hardhats.role=web")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(FleetLifecycle.class)
                        .doesNotHaveBean(WorkerRegistry.class));
    }

    @Test
    void aWorkerWithoutACameraPipelineClaimsNothing() {
        runner.withPropertyValues("hardhats.role=worker", "hardhats.worker-capacity=7")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(FleetLifecycle.class).isRunning()).isFalse();
                    assertThat(context.getBean(WorkerIdentity.class).capacity()).isEqualTo(7);
                });
    }

    @Test
    void leaseTimesComeFromFleetProperties() {
        runner.withPropertyValues("hardhats.role=all", "hardhats.fleet.renew-every=5s", "hardhats.fleet.ttl=20s")
                .run(context -> assertThat(context.getBean(LeaseSettings.class)).isEqualTo(new LeaseSettings(
                        java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(20),
                        java.time.Duration.ofSeconds(2))));
    }

    @Test
    void theFleetCanBeLeftToTheTests() {
        runner.withPropertyValues("hardhats.role=worker", "hardhats.fleet.enabled=false")
                .withBean(CameraAssignments.class, () -> new CameraAssignments() {
                    @Override
                    public void start(UUID cameraId) {
                    }

                    @Override
                    public void restart(UUID cameraId) {
                    }

                    @Override
                    public void stop(UUID cameraId) {
                    }
                })
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(FleetLifecycle.class)
                        .hasSingleBean(CameraLeaseRepository.class));
    }
}
