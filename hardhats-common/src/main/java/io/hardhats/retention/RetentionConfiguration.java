package io.hardhats.retention;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.TimeZone;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.support.CronTrigger;

/** Schedules retention daily in every process; {@link RetentionLock} lets one of them run it at a time. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RetentionConfiguration {

    @Bean
    RetentionLock retentionLock(DataSource dataSource) {
        return new RetentionLock(dataSource);
    }

    @Bean
    RetentionJob retentionJob(RetentionLock lock, ExpiredEvents expired, RetentionProperties properties,
            Clock clock) {
        return new RetentionJob(lock, expired, properties, clock);
    }

    @Bean
    SchedulingConfigurer retentionSchedule(RetentionJob job, RetentionProperties properties) {
        return registrar -> registrar.addTriggerTask(job,
                new CronTrigger(properties.cron(), TimeZone.getTimeZone(ZoneOffset.UTC)));
    }
}
