package io.hardhats.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a source could not be read, classified for people (camera status, "test connection"),
 * with a message that never contains credentials.
 */
public record SourceFailure(Kind kind, String message) {

    public enum Kind {
        AUTH_FAILED("authentication failed: "), UNREACHABLE(""), NOT_FOUND("not found: "), NOT_A_VIDEO("not a video: "),
        TIMEOUT("timeout: "), STREAM_ENDED(""), OTHER("");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** A failure of this kind: its message starts with the kind in words, where it has some. */
        public SourceFailure because(String what) {
            return new SourceFailure(this, words + what);
        }
    }

    private static final Pattern ERROR_CODE = Pattern.compile("error (-?\\d+)");

    // FFmpeg error codes (AVERROR(errno) and FFERRTAG values).
    static final int HTTP_UNAUTHORIZED = -0x313034F8;
    static final int HTTP_FORBIDDEN = -0x333034F8;
    static final int HTTP_NOT_FOUND = -0x343034F8;
    static final int INVALID_DATA = -0x41444E49;
    static final int STREAM_NOT_FOUND = -0x525453F8;
    static final int EIO = -5;
    static final int ENOENT = -2;
    static final int ETIMEDOUT = -110;
    static final int ECONNREFUSED = -111;
    static final int EHOSTUNREACH = -113;
    static final int ENETUNREACH = -101;
    static final int ECONNRESET = -104;

    /** Classifies an exception from the grabber (its message carries FFmpeg's error code). */
    public static SourceFailure classify(Throwable error) {
        String raw = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        Matcher m = ERROR_CODE.matcher(raw);
        if (error instanceof UnsatisfiedLinkError || error instanceof NoClassDefFoundError) {
            return Kind.OTHER.because("video decoder unavailable: " + CredentialRedactor.redact(raw));
        }
        if (!m.find()) {
            return Kind.OTHER.because("could not read the stream: " + CredentialRedactor.redact(raw));
        }
        int code;
        try {
            code = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return Kind.OTHER.because("could not read the stream: " + CredentialRedactor.redact(raw));
        }
        return fromCode(code);
    }

    /** FFmpeg's errno codes in words a site manager can act on; the number helps nobody. */
    static SourceFailure fromCode(int code) {
        return switch (code) {
            case HTTP_UNAUTHORIZED, HTTP_FORBIDDEN ->
                Kind.AUTH_FAILED.because("check the username and password");
            case HTTP_NOT_FOUND, ENOENT ->
                Kind.NOT_FOUND.because("the stream path or file does not exist");
            case ECONNREFUSED ->
                Kind.UNREACHABLE.because("the camera refused the connection: check the address and port");
            case EHOSTUNREACH, ENETUNREACH ->
                Kind.UNREACHABLE.because(
                        "no route to the camera: check the address and that the server can reach its network");
            case ECONNRESET -> Kind.UNREACHABLE.because(
                    "the camera closed the connection: check the stream path and that it accepts another viewer");
            case EIO ->
                Kind.UNREACHABLE.because("the connection to the camera failed: check the address and port");
            case ETIMEDOUT -> Kind.TIMEOUT.because("the camera did not answer in time");
            case INVALID_DATA, STREAM_NOT_FOUND -> Kind.NOT_A_VIDEO.because("the source holds no decodable video");
            default -> Kind.OTHER.because("could not read the stream (error " + code + ")");
        };
    }
}
