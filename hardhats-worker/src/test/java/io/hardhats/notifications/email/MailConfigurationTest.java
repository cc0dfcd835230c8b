package io.hardhats.notifications.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;

import io.hardhats.notifications.ChannelKind;
import io.hardhats.notifications.ChannelSender;
import io.hardhats.notifications.MailSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** "E-mail is configured" means an e-mail sender exists, which needs SMTP_HOST; the connection is bounded and encrypted as set. */
class MailConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, SmtpMail.class, EmailSender.class);

    @Test
    void withoutAHostThereIsNoEmailSender() {
        context.run(app -> assertThat(app).doesNotHaveBean(ChannelSender.class));
        context.withPropertyValues("hardhats.mail.host=  ")
                .run(app -> assertThat(app).doesNotHaveBean(ChannelSender.class));
    }

    @Test
    void withAHostTheWorkerHasAnEmailSenderAndTheWebProcessNone() {
        context.withPropertyValues("hardhats.mail.host=smtp.example.com", "hardhats.mail.tls=tls").run(app -> {
            assertThat(app.getBean(ChannelSender.class).kind()).isEqualTo(ChannelKind.EMAIL);
            assertThat(app.getBean(MailSettings.class).port()).isEqualTo(465);
        });
        context.withPropertyValues("hardhats.mail.host=smtp.example.com", "hardhats.role=web")
                .run(app -> assertThat(app).doesNotHaveBean(ChannelSender.class));
    }

    @Test
    void startTlsIsRequiredNotOptionalAndEveryWaitIsBounded() {
        MailSettings settings = new MailSettings("smtp.example.com", null, "alerts", "secret", null, null, null);
        Properties properties = SmtpMail.javaMailSender(settings).getJavaMailProperties();

        assertThat(settings.port()).isEqualTo(587);
        assertThat(properties).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true").containsEntry("mail.smtp.auth", "true")
                .containsEntry("mail.smtp.connectiontimeout", "10000").containsEntry("mail.smtp.timeout", "10000")
                .containsEntry("mail.smtp.writetimeout", "10000");
        assertThat(settings.toString()).doesNotContain("secret");
    }

    @Test
    void implicitTlsSpeaksSmtpsAndPlainSpeaksSmtpWithoutStartTls() {
        MailSettings tls = new MailSettings("smtp.example.com", null, null, null, "a@b.example", MailSettings.Tls.TLS,
                Duration.ofSeconds(3));
        assertThat(SmtpMail.javaMailSender(tls).getProtocol()).isEqualTo("smtps");
        assertThat(SmtpMail.javaMailSender(tls).getJavaMailProperties())
                .containsEntry("mail.smtps.timeout", "3000").doesNotContainKey("mail.smtps.auth");

        MailSettings none = new MailSettings("relay.internal", null, null, null, null, MailSettings.Tls.NONE, null);
        assertThat(none.port()).isEqualTo(25);
        assertThat(SmtpMail.javaMailSender(none).getJavaMailProperties())
                .doesNotContainKey("mail.smtp.starttls.enable");
    }
}
