package io.hardhats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IngestPoliciesTest {

    @Test
    void backoffDoublesFromOneSecondUpToFiveTriesThenResetsAfterAHealthyPeriod() {
        RtspReconnectPolicy policy = RtspReconnectPolicy.defaults();
        List<Long> delays = new ArrayList<>();
        Optional<Duration> d;
        while ((d = policy.nextDelay()).isPresent()) {
            delays.add(d.get().toSeconds());
        }
        assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L);
        assertThat(policy.exhausted()).isTrue();
        assertThat(policy.delayFor(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delayFor(40)).isEqualTo(Duration.ofSeconds(60));
        policy.connectionEnded(Duration.ofSeconds(5));
        assertThat(policy.nextDelay()).isEmpty();
        policy.connectionEnded(Duration.ofSeconds(61));
        assertThat(policy.nextDelay()).contains(Duration.ofSeconds(1));
    }

    @Test
    void credentialsAreRedactedFromAnyMessage() {
        assertThat(CredentialRedactor.redact(
                "avformat_open_input() error -1: Could not open input \"rtsp://admin:p@ss:w0rd@10.0.0.5:554/s1\""))
                .isEqualTo("avformat_open_input() error -1: Could not open input \"rtsp://***@10.0.0.5:554/s1\"")
                .doesNotContain("w0rd");
        assertThat(CredentialRedactor.redact("rtsps://u:p@cam/x and http://a:b@h/"))
                .isEqualTo("rtsps://***@cam/x and http://***@h/");
        assertThat(CredentialRedactor.redact("rtsp://cam.local/stream")).isEqualTo("rtsp://cam.local/stream");
        assertThat(CredentialRedactor.redact(null)).isNull();
    }

    @Test
    void ffmpegErrorsAreClassifiedWithoutTheUrl() {
        SourceFailure auth = SourceFailure.classify(new RuntimeException(
                "avformat_open_input() error -825242872: Could not open input \"rtsp://u:secret@h/x\""));
        assertThat(auth.kind()).isEqualTo(SourceFailure.Kind.AUTH_FAILED);
        assertThat(auth.message()).contains("authentication failed").doesNotContain("secret");
        SourceFailure refused = SourceFailure.classify(new RuntimeException("error -111: x"));
        assertThat(refused.kind()).isEqualTo(SourceFailure.Kind.UNREACHABLE);
        assertThat(refused.message()).isEqualTo("the camera refused the connection: check the address and port");
        assertThat(SourceFailure.classify(new RuntimeException("error -113: x")).message())
                .startsWith("no route to the camera").doesNotContain("-113");
        assertThat(SourceFailure.classify(new RuntimeException("error -110: x")).kind())
                .isEqualTo(SourceFailure.Kind.TIMEOUT);
        assertThat(SourceFailure.classify(new RuntimeException("error -1094995529: x")).kind())
                .isEqualTo(SourceFailure.Kind.NOT_A_VIDEO);
        SourceFailure other = SourceFailure.classify(new RuntimeException("weird rtsp://u:secret@h/x"));
        assertThat(other.message()).doesNotContain("secret");
    }

    @Test
    void keyframeOnlyWhenTheAnalysisIntervalCoversTheGop() {
        assertThat(KeyframePolicy.keyframesOnly(Duration.ofSeconds(4), Duration.ofSeconds(2))).isTrue();
        assertThat(KeyframePolicy.keyframesOnly(Duration.ofSeconds(2), Duration.ofSeconds(2))).isTrue();
        assertThat(KeyframePolicy.keyframesOnly(Duration.ofMillis(500), Duration.ofSeconds(2))).isFalse();

        KeyframePolicy gop2s = new KeyframePolicy(0.25); // every 4 s
        assertThat(feed(gop2s, 2_000_000)).isTrue();
        assertThat(gop2s.decodeKeyframesOnly()).isTrue();
        assertThat(gop2s.keyframeIntervalMicros()).hasValue(2_000_000);

        KeyframePolicy fast = new KeyframePolicy(2.0); // every 0.5 s
        assertThat(feed(fast, 2_000_000)).isTrue();
        assertThat(fast.decodeKeyframesOnly()).isFalse();

        KeyframePolicy longGop = new KeyframePolicy(0.5); // GOP of 10 s: decided before the 2nd key
        assertThat(feed(longGop, 10_000_000)).isTrue();
        assertThat(longGop.decodeKeyframesOnly()).isFalse();
        assertThat(longGop.keyframeIntervalMicros()).isEmpty();
    }

    private static boolean feed(KeyframePolicy policy, long gopMicros) {
        for (long t = 0; t <= 3 * gopMicros; t += 40_000) {
            if (policy.observe(t, t % gopMicros == 0)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void pacerPicksFramesOnAFixedGridAndKeepsTimeContinuousAcrossLoops() throws Exception {
        FramePacer pacer = new FramePacer(0.5, nanos -> { });
        int due = 0;
        for (int loop = 0; loop < 3; loop++) {
            for (long pts = 0; pts < 10_000_000; pts += 40_000) { // a 10 s file, three times
                if (pacer.due(pacer.continuous(pts))) {
                    due++;
                }
            }
        }
        assertThat(due).isBetween(14, 16); // 30 s at 0.5 fps

        List<Long> slept = new ArrayList<>();
        FramePacer realTime = new FramePacer(1.0, slept::add);
        realTime.pace(0);
        realTime.pace(1_000_000);
        assertThat(slept).hasSize(1);
        assertThat(slept.get(0)).isBetween(500_000_000L, 1_000_000_000L);
    }
}
