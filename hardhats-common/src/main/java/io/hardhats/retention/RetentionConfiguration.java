package io.hardhats.retention;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.TimeZone;

import io.hardhats.tenancy.SystemTransactions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.support.CronTrigger;

/** Runs retention daily in every process; {@link ExpiredEvents} keeps concurrent runs apart. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RetentionConfiguration {

    @Bean
    RetentionJob retentionJob(SystemTransactions system, JdbcClient jdbc, ExpiredEvents expired,
            RetentionProperties properties, Clock clock) {
        return new RetentionJob(system, jdbc, expired, properties, clock);
    }

    @Bean
    SchedulingConfigurer retentionSchedule(RetentionJob job, RetentionProperties properties) {
        return registrar -> registrar.addTriggerTask(job,
                new CronTrigger(properties.cron(), TimeZone.getTimeZone(ZoneOffset.UTC)));
    }
}
