package io.hardhats.rules;

import io.hardhats.cameras.DetectionMode;
import io.hardhats.events.Severity;
import io.hardhats.events.ViolationType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeverityPolicyTest {

    @Test
    void severityFollowsTypeAndConfidence() {
        assertThat(SeverityPolicy.of(ViolationType.ZONE_BREACH, 0.8f)).isEqualTo(Severity.CRITICAL);
        assertThat(SeverityPolicy.of(ViolationType.ZONE_BREACH, 0.79f)).isEqualTo(Severity.HIGH);
        assertThat(SeverityPolicy.of(ViolationType.NO_HARDHAT, 0.5f)).isEqualTo(Severity.HIGH);
        assertThat(SeverityPolicy.of(ViolationType.NO_HARDHAT, 0.49f)).isEqualTo(Severity.MEDIUM);
        assertThat(SeverityPolicy.of(ViolationType.NO_VEST, 0.4f)).isEqualTo(Severity.MEDIUM);
        assertThat(SeverityPolicy.of(ViolationType.NO_VEST, 0.39f)).isEqualTo(Severity.LOW);
    }

    @Test
    void settingsFromCameraFields() {
        RuleSettings s = RuleSettings.from(DetectionMode.PPE_AND_ZONE, List.of(List.of(0.1, 0.1), List.of(0.9, 0.1),
                List.of(0.5, 0.9)));
        assertThat(s.inertia()).isEqualTo(2);
        assertThat(s.cooldown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.ppeEnabled()).isTrue();
        assertThat(s.zoneEnabled()).isTrue();
        assertThat(s.zone().contains(0.5, 0.5)).isTrue();

        RuleSettings ppe = RuleSettings.from(DetectionMode.PPE, List.of());
        assertThat(ppe.zone()).isNull();
        assertThat(ppe.zoneEnabled()).isFalse();
        assertThat(RuleSettings.from(DetectionMode.ZONE, null).zoneEnabled()).isFalse();
        assertThat(RuleSettings.from(DetectionMode.ZONE, null).ppeEnabled()).isFalse();
        assertThatThrownBy(() -> new RuleSettings(DetectionMode.PPE, null).withInertia(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
