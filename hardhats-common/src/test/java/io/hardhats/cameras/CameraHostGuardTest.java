package io.hardhats.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CameraHostGuardTest {

    private final CameraHostGuard production = new CameraHostGuard(false);
    private final CameraHostGuard laptop = new CameraHostGuard(true);

    @ParameterizedTest
    @ValueSource(strings = {"rtsp://127.0.0.1:8554/cam", "rtsp://localhost/cam", "rtsp://[::1]/cam",
            "rtsp://u:p@169.254.169.254/latest", "rtsps://169.254.10.20/cam", "rtsp://0.0.0.0/cam",
            "rtsp://metadata.google.internal/x", "rtsp://metadata.google.internal./x",
            "rtsp://0x7f000001:18554/a", "rtsp://017700000001:18554/a", "rtsp://0x0:18554/a", "rtsp://0/a",
            "rtsp://0177.0.0.1/a", "rtsp://2130706433/a", "rtsp://0.1.2.3/a",
            "rtsp://0xa9fea9fe/latest", "rtsp://2852039166/latest",
            "rtsp://100.100.100.200/x", "rtsp://[::ffff:127.0.0.1]/a", "rtsp://[::ffff:a9fe:a9fe]/a",
            "rtsp://[::127.0.0.1]/a", "rtsp://[64:ff9b::7f00:1]/a", "rtsp://[2002:7f00:1::]/a", "rtsp://[::]/a",
            "rtsp://[fe80::1]/a", "rtsp://[fd00:ec2::254]/a"})
    void refusesLoopbackLinkLocalAndMetadataHostsHoweverWritten(String url) {
        assertThatThrownBy(() -> production.pinned(url)).as(url)
                .isInstanceOf(CameraHostGuard.ForbiddenHostException.class)
                .hasMessageContaining("loopback");
    }

    /** Some of these Java's URI parser sees no host in; FFmpeg would still find one, so none pass. */
    @ParameterizedTest
    @ValueSource(strings = {"rtsp://08.1.1.1/a", "rtsp://4294967296/a", "rtsp://0x/a", "rtsp://1.2.3.4.5/a",
            "rtsp://127.1/a", "rtsp://127.0.0.1./a", "rtsp://[fe80::1%25eth0]/a", "rtsp://%31%32%37.0.0.1/a",
            "rtsp://ｌｏｃａｌｈｏｓｔ/a", "rtsp://a@b@127.0.0.1/a", "rtsp://cam.123/a",
            "rtsp://0x7f.0.0.1/a", "rtsp://0251.0376.0251.0376/latest"})
    void refusesHostsThatCouldBeReadAsAnotherAddressInEveryMode(String url) {
        for (CameraHostGuard guard : new CameraHostGuard[] {production, laptop}) {
            assertThatThrownBy(() -> guard.pinned(url)).as(url)
                    .isInstanceOf(CameraHostGuard.ForbiddenHostException.class)
                    .hasMessageContaining("dotted IPv4");
        }
    }

    @ParameterizedTest(name = "{0} connects to {1}")
    @CsvSource({
            "rtsp://admin:p%40ss@192.0.2.10:8554/live/ch1?subtype=0, rtsp://admin:p%40ss@192.0.2.10:8554/live/ch1?subtype=0",
            "rtsp://10.20.30.40/stream, rtsp://10.20.30.40/stream",
            "rtsp://[2001:db8::1]:554/x, rtsp://[2001:db8:0:0:0:0:0:1]:554/x",
            "rtsp://0xc0000208:554/x, rtsp://192.0.2.8:554/x",
            "rtsp://u@3221225992/x, rtsp://u@192.0.2.8/x",
            "rtsp://012.0.0.1/x, rtsp://10.0.0.1/x",
            "rtsp://[::ffff:192.0.2.8]/x, rtsp://192.0.2.8/x",
    })
    void connectsToTheCanonicalFormOfTheAddressItChecked(String url, String pinned) {
        assertThat(production.pinned(url)).isEqualTo(pinned);
        assertThat(laptop.pinned(url)).isEqualTo(pinned);
    }

    @Test
    void anUnresolvableNameIsLeftForTheConnectionToReport() {
        assertThat(production.pinned("rtsp://no-such-camera.invalid/x")).isEqualTo("rtsp://no-such-camera.invalid/x");
    }

    @Test
    void checkingAHostWhenSavedReadsItTheSameWay() {
        assertThatThrownBy(() -> production.check("0x7f000001")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> production.check("[::ffff:127.0.0.1]")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> laptop.check("08.1.1.1")).hasMessageContaining("dotted IPv4");
        production.check("192.0.2.10");
        production.check("no-such-camera.invalid");
    }

    @Test
    void allowingPrivateHostsLetsLoopbackThroughInCanonicalForm() {
        assertThat(laptop.pinned("rtsp://localhost:8554/cam")).isEqualTo("rtsp://localhost:8554/cam");
        assertThat(laptop.pinned("rtsp://0x7f000001:8554/cam")).isEqualTo("rtsp://127.0.0.1:8554/cam");
        assertThat(laptop.pinned("/var/cache/placeholder.video")).isEqualTo("/var/cache/placeholder.video");
        laptop.check("127.0.0.1");
    }
}
