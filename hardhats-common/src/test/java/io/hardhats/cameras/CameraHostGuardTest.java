package io.hardhats.cameras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CameraHostGuardTest {

    private final CameraHostGuard production = new CameraHostGuard(false);

    @Test
    void refusesLoopbackLinkLocalAndMetadataHostsWhenConnecting() {
        for (String url : new String[] {"rtsp://127.0.0.1:8554/cam", "rtsp://localhost/cam", "rtsp://[::1]/cam",
                "rtsp://u:p@169.254.169.254/latest", "rtsps://169.254.10.20/cam", "rtsp://0.0.0.0/cam",
                "rtsp://metadata.google.internal/x"}) {
            assertThatThrownBy(() -> production.pinned(url)).as(url)
                    .isInstanceOf(CameraHostGuard.ForbiddenHostException.class)
                    .hasMessageContaining("loopback");
        }
    }

    @Test
    void keepsCredentialsPortPathAndQueryOfAnAllowedAddress() {
        assertThat(production.pinned("rtsp://admin:p%40ss@192.0.2.10:8554/live/ch1?subtype=0"))
                .isEqualTo("rtsp://admin:p%40ss@192.0.2.10:8554/live/ch1?subtype=0");
        assertThat(production.pinned("rtsp://10.20.30.40/stream")).isEqualTo("rtsp://10.20.30.40/stream");
        assertThat(production.pinned("rtsp://[2001:db8::1]:554/x")).isEqualTo("rtsp://[2001:db8:0:0:0:0:0:1]:554/x");
    }

    @Test
    void anUnresolvableNameIsLeftForTheConnectionToReport() {
        assertThat(production.pinned("rtsp://no-such-camera.invalid/x")).isEqualTo("rtsp://no-such-camera.invalid/x");
    }

    @Test
    void allowingPrivateHostsChangesNothing() {
        CameraHostGuard laptop = new CameraHostGuard(true);
        assertThat(laptop.pinned("rtsp://localhost:8554/cam")).isEqualTo("rtsp://localhost:8554/cam");
        laptop.check("127.0.0.1");
    }
}
