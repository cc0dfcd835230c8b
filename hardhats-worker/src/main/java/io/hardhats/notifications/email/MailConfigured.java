package io.hardhats.notifications.email;

import io.hardhats.config.RunsWorker;
import io.hardhats.notifications.MailSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches processes that deliver notifications while an SMTP server is set ({@code SMTP_HOST}),
 * by the same rule the API's {@code email_configured} reads.
 */
public class MailConfigured extends RunsWorker {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return super.matches(context, metadata) && Binder.get(context.getEnvironment())
                .bind("hardhats.mail", MailSettings.class).map(MailSettings::configured).orElse(false);
    }
}
