package io.hardhats.config;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches processes that run the worker: {@code hardhats.role} is {@code all} or {@code worker}. */
public class RunsWorker implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
                .bind("hardhats.role", HardhatsProperties.Role.class)
                .map(HardhatsProperties.Role::runsWorker)
                .orElse(true);
    }
}
