package io.hardhats.notifications.digest;

import java.time.Clock;

import io.hardhats.notifications.email.MailConfigured;
import io.hardhats.notifications.email.SmtpMail;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The daily digest runs on its own while SMTP is configured. {@code hardhats.digest.enabled=false}
 * keeps its parts but schedules nothing (tests that drive the digest with their own clock).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MailConfigured.class)
@ConditionalOnProperty(name = "hardhats.digest.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
public class DigestConfiguration {

    @Bean
    DailyDigests dailyDigests(DigestRecipients recipients, DigestQueue queue, DigestReports reports, SmtpMail mail,
            Clock clock) {
        return new DailyDigests(recipients, queue, reports, mail, clock);
    }
}
