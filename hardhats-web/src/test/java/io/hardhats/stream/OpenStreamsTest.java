package io.hardhats.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class OpenStreamsTest {

    private static final class Recording extends OpenStreams<String> {
        final List<String> ended = new ArrayList<>();

        @Override
        protected void end(String stream) {
            ended.add(stream);
        }
    }

    @Test
    void stoppingEndsTheOpenStreamsAndAnyOpenedAfterwards() {
        Recording streams = new Recording();
        streams.start();
        streams.opened("a");
        streams.opened("b");
        streams.closed("b");
        assertThat(streams.ended).isEmpty();

        streams.stop();
        assertThat(streams.isRunning()).isFalse();
        assertThat(streams.ended).containsExactly("a");

        streams.opened("late");
        assertThat(streams.ended).containsExactly("a", "late");
    }
}
