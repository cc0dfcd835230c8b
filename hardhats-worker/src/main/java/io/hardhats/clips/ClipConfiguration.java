package io.hardhats.clips;

import io.hardhats.blobs.BlobStore;
import io.hardhats.config.RunsWorker;
import io.hardhats.storage.StorageQuota;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@Conditional(RunsWorker.class)
@EnableConfigurationProperties(ClipSettings.class)
public class ClipConfiguration {

    @Bean
    ClipRings clipRings(ClipSettings settings) {
        return new ClipRings(settings);
    }

    @Bean
    EvidenceClips evidenceClips(ClipRings rings, ClipSettings settings, BlobStore blobs, JdbcClient jdbc,
            TenantTransactions transactions, StorageQuota quota) {
        ClipWriters writers = new ClipWriters(settings.writers(), settings.pending(), settings.pendingPerCamera());
        return new EvidenceClips(rings, settings, writers, new ClipStore(blobs, jdbc, transactions, quota));
    }
}
