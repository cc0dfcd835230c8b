package io.hardhats.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.hardhats.vision.SharedFiles;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A service of split mode running as a process of its own, as a deployment runs it: the web or
 * the worker jar (paths from the system properties {@code hardhats.web.jar} and
 * {@code hardhats.worker.jar}, which Failsafe sets), or {@code redis-server}. Its output goes to
 * {@code <name>.log} in the test's folder. Everything here may run on a loaded two-core machine:
 * waits are generous, and poll rather than sleep.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final String FERNET_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final String name;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a jar in {@code role} ({@code web} or {@code worker}) with the given environment; the
     * test JVM's own HARDHATS_ and SPRING_ variables are not passed on.
     */
    static ServiceProcess jar(String role, String name, Path folder, Map<String, String> env) throws IOException {
        String jar = System.getProperty("hardhats." + role + ".jar");
        assertThat(jar).as("the %s jar's path (system property hardhats.%s.jar)", role, role).isNotBlank();
        assertThat(Path.of(jar)).as("run `mvn package` first").isRegularFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = folder.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("HARDHATS_") || key.startsWith("SPRING_"));
        builder.environment().putAll(env);
        builder.environment().put("HARDHATS_ROLE", role);
        return new ServiceProcess(name, log, builder.start());
    }

    /**
     * What every web and worker of one test deployment shares: the database, Redis, the keys, the
     * reference model, camera (and webhook) hosts on this machine allowed, and a fleet that moves
     * cameras within seconds. A copy each service may add to (its PORT, its data folder).
     */
    static Map<String, String> deployment(String databaseUrl, int redisPort) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", databaseUrl);
        env.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
        env.put("SECRET_KEY", "split-mode-test-signing-key-0123456789-abcdef");
        env.put("ENCRYPTION_KEY", FERNET_KEY);
        env.put("COOKIE_SECURE", "false");
        env.put("MODEL_PATH", SharedFiles.referenceModel().toString());
        env.put("ALLOW_PRIVATE_CAMERA_HOSTS", "true");
        env.put("WORKER_CAPACITY", "4");
        env.put("HARDHATS_FLEET_POLL_EVERY", "500ms");
        env.put("HARDHATS_FLEET_RENEW_EVERY", "2s");
        env.put("HARDHATS_FLEET_TTL", "10s");
        return env;
    }

    /** Starts Debian's redis-server on the port, without persistence, and waits until it answers PING. */
    static ServiceProcess redis(int port, Path folder) throws Exception {
        Path dir = Files.createDirectories(folder.resolve("redis"));
        Path log = folder.resolve("redis.log");
        Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServiceProcess redis = new ServiceProcess("redis", log, process);
        redis.await("redis-server to answer PING", Duration.ofSeconds(30), () -> {
            RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                return "PONG".equals(connection.sync().ping());
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            }
        });
        return redis;
    }

    /** Polls until the condition holds; fails at once, with this process's log, when it died. */
    void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        await(what, timeout, List.of(this), condition);
    }

    /**
     * Polls until the condition holds; fails at once when one of the watched processes died, and
     * with the logs of all of them at the timeout. A condition that throws has not held yet; the
     * last such failure is the cause of a timeout.
     */
    static void await(String what, Duration timeout, Collection<ServiceProcess> watched, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastFailure = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                lastFailure = e; // not there yet, most likely
            }
            for (ServiceProcess service : watched) {
                if (!service.process.isAlive()) {
                    throw new AssertionError("waiting for " + what + ", the " + service.name + " process exited with "
                            + service.process.exitValue() + ":\n" + service.tail());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + timeout + " waiting for " + what + "; "
                        + watched.stream().map(service -> service.name + " log:\n" + service.tail())
                                .collect(Collectors.joining("\n")), lastFailure);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The last lines of the process's output. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String name() {
        return name;
    }

    /** SIGKILL, as the kernel's OOM killer or a lost machine ends a process: nothing of it runs on. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(name + " killed").isTrue();
    }

    /** SIGTERM, as a deployment stops a service; SIGKILL if it has not stopped after 30 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** For a shutdown hook: ends the process without waiting. */
    void destroyNow() {
        process.destroyForcibly();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
