package io.hardhats.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.hardhats.events.ViolationType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Counts keep their JSON shape: one field per violation type, every type, between total and frames. */
class CountsJsonTest {

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    @Test
    void everyTypeIsAFieldOfItsOwnInTheOrderOfTheTypes() {
        StatsService.Counts counts = new StatsService.Counts(
                Map.of(ViolationType.ZONE_BREACH, 4L, ViolationType.NO_HARDHAT, 2L), 100);

        assertThat(json.writeValueAsString(counts)).isEqualTo(
                "{\"total_violations\":6,\"no_hardhat\":2,\"no_vest\":0,\"zone_breach\":4,\"frames_processed\":100}");
    }
}
