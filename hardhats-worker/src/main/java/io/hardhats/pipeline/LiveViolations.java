package io.hardhats.pipeline;

import io.hardhats.bus.LiveBus;
import io.hardhats.bus.LiveMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/** Announces each recorded violation to the organisation's live viewers on {@code events/{org_id}}. */
@Component
class LiveViolations {

    private final LiveBus bus;
    private final JsonMapper json;

    LiveViolations(LiveBus bus, JsonMapper json) {
        this.bus = bus;
        this.json = json;
    }

    @TransactionalEventListener
    public void announce(ViolationRecorded recorded) {
        bus.publishMessage(recorded.organizationId(), LiveMessage.violation(recorded.event(), json).toJson(json));
    }
}
