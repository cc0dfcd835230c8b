package io.hardhats.cameras;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hardhats.ingest.CredentialRedactor;
import io.hardhats.ingest.SourceProbe;

/**
 * The answer to "test connection": what the source delivers, or why it could not be read
 * ({@code auth_failed}, {@code unreachable}, {@code not_found}, {@code not_a_video}, {@code timeout},
 * ...). A camera that fails is a test that succeeded, so both are answered with 200. Never holds
 * credentials.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CameraTestResult(boolean ok, String codec, Integer width, Integer height, Double fps,
        Double keyframeIntervalS, String error, String detail) {

    static CameraTestResult of(SourceProbe.Result probe) {
        if (probe.ok()) {
            return new CameraTestResult(true, probe.codec(), probe.width(), probe.height(), probe.fps(),
                    probe.keyframeIntervalSeconds(), null, null);
        }
        return failed(probe.failure().kind().name().toLowerCase(Locale.ROOT),
                CredentialRedactor.redact(probe.failure().message()));
    }

    static CameraTestResult failed(String error, String detail) {
        return new CameraTestResult(false, null, null, null, null, null, error, detail);
    }
}
