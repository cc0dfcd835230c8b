package io.hardhats.notifications;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.hardhats.HardhatsApplication;
import io.hardhats.pipeline.PipelineTestData;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A worker process against the test database, with a clock the test moves and no dispatcher of
 * its own: tests start the dispatchers they need. Receivers listen on 127.0.0.1, which the
 * all-in-one host policy allows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = HardhatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"hardhats.role=worker", "hardhats.fleet.enabled=false",
                "hardhats.secret-key=test-only-signing-key-0123456789-abcdefghij",
                "hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "hardhats.cameras.allow-private-hosts=true",
                "hardhats.notifications.public-url=https://hardhats.example/",
                "hardhats.notifications.dispatch.enabled=false",
                "hardhats.notifications.dispatch.poll-interval=100ms"})
@Import({PipelineTestData.class, NotificationTestData.class, NotificationTestContext.Clocks.class})
public @interface NotificationTestContext {

    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
