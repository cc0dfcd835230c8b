package io.hardhats.pipeline;

import io.hardhats.clips.EvidenceClips;
import io.hardhats.config.RunsWorker;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Begins each recorded violation's evidence clip once the event is committed. */
@Component
@Conditional(RunsWorker.class)
class ViolationClips {

    private final EvidenceClips clips;

    ViolationClips(EvidenceClips clips) {
        this.clips = clips;
    }

    @TransactionalEventListener
    public void capture(ViolationRecorded recorded) {
        clips.capture(recorded.organizationId(), recorded.event());
    }
}
