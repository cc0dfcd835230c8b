package io.hardhats.notifications;

import javax.sql.DataSource;

import java.time.Clock;

import io.hardhats.config.RunsWorker;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The dispatcher, in processes that run the worker (the all-in-one process too, never the web
 * service of split mode). {@code hardhats.notifications.dispatch.enabled=false} leaves it out
 * (tests that run dispatchers themselves).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RunsWorker.class)
@ConditionalOnProperty(name = "hardhats.notifications.dispatch.enabled", havingValue = "true", matchIfMissing = true)
public class NotificationConfiguration {

    @Bean
    DeliveryDispatcher deliveryDispatcher(DeliveryQueue queue, Courier courier, Clock clock,
            NotificationSettings settings) {
        return new DeliveryDispatcher(queue, courier, clock, settings.dispatch());
    }

    /** Starts once the schema is in place, stops before the database does. */
    @Bean
    SmartLifecycle notificationDispatch(DeliveryDispatcher dispatcher, DataSource dataSource,
            NotificationSettings settings) {
        DeliveryWakeups wakeups = new DeliveryWakeups(dataSource, dispatcher,
                (int) settings.dispatch().pollInterval().toMillis());
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                dispatcher.start();
                wakeups.start();
                running = true;
            }

            @Override
            public void stop() {
                wakeups.close();
                dispatcher.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
