package io.hardhats.blobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.hardhats.tenancy.TenantTransactions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code BLOB_STORE} picks the one store of the process; an S3 store without its bucket does not start. */
class BlobStoreConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BlobStoreProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, BlobStoreConfiguration.class)
            .withBean(JdbcClient.class, () -> JdbcClient.create(new DriverManagerDataSource()))
            .withBean(TenantTransactions.class,
                    () -> new TenantTransactions(new DataSourceTransactionManager(new DriverManagerDataSource())));

    @Test
    void postgresqlUnlessToldOtherwise() {
        context.run(started -> assertThat(started).getBean(BlobStore.class).isInstanceOf(PostgresBlobStore.class));
    }

    @Test
    void s3WhenChosenWithABucket() {
        context.withPropertyValues("hardhats.blob-store.type=s3", "hardhats.blob-store.s3.bucket=site-pictures",
                "hardhats.blob-store.s3.endpoint=http://127.0.0.1:9000", "hardhats.blob-store.s3.access-key=key",
                "hardhats.blob-store.s3.secret-key=do-not-print-me")
                .run(started -> assertThat(started).getBean(BlobStore.class).isInstanceOf(S3BlobStore.class));
    }

    @Test
    void s3WithoutABucketSaysWhatIsMissing() {
        context.withPropertyValues("hardhats.blob-store.type=s3", "hardhats.blob-store.s3.secret-key=do-not-print-me")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("S3_BUCKET")
                            .hasMessageNotContaining("do-not-print-me");
                });
    }
}
