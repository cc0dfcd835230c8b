package io.hardhats.notifications.email;

import io.hardhats.config.RunsWorker;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches processes that deliver notifications while an SMTP server is set ({@code SMTP_HOST}). */
public class MailConfigured extends RunsWorker {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return super.matches(context, metadata) && Binder.get(context.getEnvironment())
                .bind("hardhats.mail.host", String.class).map(host -> !host.isBlank()).orElse(false);
    }
}
