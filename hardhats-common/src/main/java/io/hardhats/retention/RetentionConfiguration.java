package io.hardhats.retention;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;

import javax.sql.DataSource;

import io.hardhats.tenancy.TenantTransactions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Schedules retention daily in every process; {@link RetentionLock} lets one of them run it at a
 * time. Events go first: their alerts go with them, and a storm summary may go only once no alert
 * it carried is left.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RetentionConfiguration {

    @Bean
    RetentionLock retentionLock(DataSource dataSource) {
        return new RetentionLock(dataSource);
    }

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
    RetentionJob retentionJob(RetentionLock lock, ExpiredEvents events, List<ExpiredRecords> expired,
            RetentionProperties properties, Clock clock) {
        return new RetentionJob(lock, events, expired, properties, clock);
    }

    @Bean
    SchedulingConfigurer retentionSchedule(RetentionJob job, RetentionProperties properties) {
        return registrar -> registrar.addTriggerTask(job,
                new CronTrigger(properties.cron(), TimeZone.getTimeZone(ZoneOffset.UTC)));
    }
}
