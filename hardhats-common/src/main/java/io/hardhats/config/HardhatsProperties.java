package io.hardhats.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of the product, bound from the environment variables of the design
 * (see application.yml for the variable each one reads).
 */
@ConfigurationProperties(prefix = "hardhats")
public record HardhatsProperties(
        Role role,
        String databaseUrl,
        String redisUrl,
        String secretKey,
        String encryptionKey,
        int jwtExpireMinutes,
        Boolean cookieSecure,
        int maxCamerasPerOrg,
        int maxUsersPerOrg,
        Path dataDir,
        Integer workerCapacity,
        Path modelPath,
        Integer inferenceThreads) {

    /** Which parts of the product this process runs. */
    public enum Role {
        ALL, WEB, WORKER;

        public boolean runsWeb() {
            return this != WORKER;
        }

        public boolean runsWorker() {
            return this != WEB;
        }
    }

    public HardhatsProperties {
        role = role == null ? Role.ALL : role;
        jwtExpireMinutes = jwtExpireMinutes <= 0 ? 60 : jwtExpireMinutes;
        maxCamerasPerOrg = maxCamerasPerOrg <= 0 ? 50 : maxCamerasPerOrg;
        maxUsersPerOrg = maxUsersPerOrg <= 0 ? 25 : maxUsersPerOrg;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        modelPath = modelPath == null ? Path.of("models", "ppe-detector.onnx") : modelPath;
    }

    /**
     * Cameras one worker may hold: the configured number, else ten per available core — half of
     * what 2 cores were measured to hold at 0.5 fps and 640 (docs/benchmarks.md), leaving room
     * for larger inference sizes and faster rates.
     */
    public int effectiveWorkerCapacity() {
        return workerCapacity != null && workerCapacity > 0 ? workerCapacity
                : 10 * Runtime.getRuntime().availableProcessors();
    }

    /**
     * Cores the detector may use (that many inferences at once): the configured number, else the
     * cores this process may use (ONNX Runtime's own default counts the host's cores and ignores
     * container limits).
     */
    public int effectiveInferenceThreads() {
        return inferenceThreads != null && inferenceThreads > 0 ? inferenceThreads
                : Runtime.getRuntime().availableProcessors();
    }

    /** All-in-one is the laptop mode: it may invent development keys; split web/worker may not. */
    public boolean allInOne() {
        return role == Role.ALL;
    }

    /** Secure cookies everywhere but on the all-in-one laptop run over plain http, unless set. */
    public boolean secureCookies() {
        return cookieSecure != null ? cookieSecure : !allInOne();
    }

    public boolean redisConfigured() {
        return redisUrl != null && !redisUrl.isBlank();
    }
}
