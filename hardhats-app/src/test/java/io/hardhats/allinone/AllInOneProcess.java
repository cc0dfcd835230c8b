package io.hardhats.allinone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.hardhats.vision.SharedFiles;

/**
 * The packaged all-in-one jar running as a separate process on a data folder of its own, as a
 * user starts it; its output goes to {@code <name>.log} beside the folder. Everything here may
 * run on a loaded two-core machine: waits are generous.
 */
final class AllInOneProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "hardhats.jar").toAbsolutePath();
    static final Duration START = Duration.ofMinutes(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final String name;
    final Path dataDir;
    final Path log;
    final int port;
    final Process process;

    private AllInOneProcess(String name, Path dataDir, Path log, int port, Process process) {
        this.name = name;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /** Starts the jar on {@code dataDir}; {@code durable=false} turns fsync off to save time. */
    static AllInOneProcess start(String name, Path dataDir, boolean durable) throws IOException {
        Files.createDirectories(dataDir.getParent());
        Path log = dataDir.resolveSibling(name + ".log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx768m", "-Dhardhats.embedded-postgres.fsync=" + durable, "-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("DATABASE_URL");
        builder.environment().put("HARDHATS_DATA_DIR", dataDir.toString());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("COOKIE_SECURE", "false");
        builder.environment().put("MODEL_PATH", SharedFiles.referenceModel().toString());
        builder.environment().put("DEMO_VIDEO", dataDir.resolveSibling("no-demo-clip.mp4").toString());
        builder.environment().put("HARDHATS_FLEET_POLL_EVERY", "500ms");
        return new AllInOneProcess(name, dataDir, log, port, builder.start());
    }

    AllInOneProcess awaitReady() {
        await("/health/ready to answer 200", START, () -> status("/health/ready") == 200);
        return this;
    }

    void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited (" + process.exitValue() + ") while waiting for " + what
                        + "\n" + logText());
            }
            pause(Duration.ofMillis(250));
        }
        throw new AssertionError(name + ": timed out waiting for " + what + "\n" + logText());
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The embedded server's pid, as its own data folder says. */
    long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
    }

    int databasePort() throws IOException {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
    }

    /** A superuser connection with the password kept in the data folder, as tools use it. */
    Connection database() throws IOException, SQLException {
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("secrets.properties"))) {
            secrets.load(in);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort() + "/postgres",
                "postgres", secrets.getProperty("database_password"));
    }

    /** SIGTERM, as a service manager or Ctrl-C would; answers the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
