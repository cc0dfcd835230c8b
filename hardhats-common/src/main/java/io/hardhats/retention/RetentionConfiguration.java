package io.hardhats.retention;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;

import io.hardhats.tenancy.SystemTransactions;
import io.hardhats.tenancy.TenantTransactions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs retention daily in every process; each {@link ExpiredRecords} keeps concurrent runs apart.
 * Events go first: their alerts go with them, and a storm summary may go only once no alert it
 * carried is left.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RetentionConfiguration {

    @Bean
    @Order(2)
    ExpiredRecords expiredNotificationDeliveries(JdbcClient jdbc, TenantTransactions transactions) {
        return ExpiredMessages.deliveries(jdbc, transactions);
    }

    @Bean
    @Order(3)
    ExpiredRecords expiredDigests(JdbcClient jdbc, TenantTransactions transactions) {
        return ExpiredMessages.digests(jdbc, transactions);
    }

    @Bean
    RetentionJob retentionJob(SystemTransactions system, JdbcClient jdbc, List<ExpiredRecords> expired,
            RetentionProperties properties, Clock clock) {
        return new RetentionJob(system, jdbc, expired, properties, clock);
    }

    @Bean
    SchedulingConfigurer retentionSchedule(RetentionJob job, RetentionProperties properties) {
        return registrar -> registrar.addTriggerTask(job,
                new CronTrigger(properties.cron(), TimeZone.getTimeZone(ZoneOffset.UTC)));
    }
}
