package io.hardhats.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hardhats.cameras.DetectionMode;
import io.hardhats.events.ViolationType;
import io.hardhats.users.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WireValueTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void jsonUsesTheLowercaseSpellingBothWays() {
        assertThat(json.writeValueAsString(DetectionMode.PPE_AND_ZONE)).isEqualTo("\"ppe+zone\"");
        assertThat(json.writeValueAsString(ViolationType.NO_HARDHAT)).isEqualTo("\"no_hardhat\"");
        assertThat(json.readValue("\"ppe+zone\"", DetectionMode.class)).isEqualTo(DetectionMode.PPE_AND_ZONE);
        assertThat(json.readValue("\"manager\"", Role.class)).isEqualTo(Role.MANAGER);
    }

    @Test
    void unknownOrConstantNameSpellingsAreRefused() {
        assertThatThrownBy(() -> json.readValue("\"owner\"", Role.class)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> json.readValue("\"PPE_AND_ZONE\"", DetectionMode.class))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void theDatabaseConverterUsesTheSameSpelling() {
        DetectionMode.Converter converter = new DetectionMode.Converter();
        assertThat(converter.convertToDatabaseColumn(DetectionMode.PPE_AND_ZONE)).isEqualTo("ppe+zone");
        assertThat(converter.convertToEntityAttribute("zone")).isEqualTo(DetectionMode.ZONE);
        assertThatThrownBy(() -> WireValue.parse(Role.class, "root")).hasMessageContaining("admin, manager, operator");
    }
}
