package io.hardhats.allinone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL server on one data folder, started as a child of this process so that its
 * pid, and therefore that the server answering is this one, is known. It listens on loopback
 * only, accepts nothing but the superuser's password (SCRAM), keeps fsync and synchronous
 * commit on unless a test suite asked otherwise, and runs in a session of its own so that a
 * Ctrl-C meant for Hard Hats reaches it only through Hard Hats' own orderly shutdown.
 */
final class PostgresServer {

    static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static final Duration STARTUP = Duration.ofMinutes(5);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final String HBA = """
            # Written by Hard Hats at every start: only the password (SCRAM), only over loopback TCP.
            host all all 127.0.0.1/32 scram-sha-256
            """;

    private final PostgresBinaries binaries;
    private final EmbeddedPostgresSettings settings;
    private final String password;
    private volatile Process process;

    PostgresServer(PostgresBinaries binaries, EmbeddedPostgresSettings settings, String password) {
        this.binaries = binaries;
        this.settings = settings;
        this.password = password;
    }

    /** Creates the cluster on first use (or gives an older password-less one its password), and writes its access rules. */
    void prepare() throws IOException {
        Path pgData = settings.pgData();
        if (!Files.exists(pgData.resolve("PG_VERSION"))) {
            Files.createDirectories(pgData);
            Files.setPosixFilePermissions(pgData, PosixFilePermissions.fromString("rwx------"));
            Path passwordFile = settings.dataDir().resolve("postgres.pwfile");
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(passwordFile, password + "\n");
                List<String> initdb = new ArrayList<>(List.of(binaries.program("initdb").toString(),
                        "-D", pgData.toString(), "-U", SUPERUSER, "--auth=scram-sha-256",
                        "--pwfile=" + passwordFile, "-E", "UTF8", "--no-locale"));
                if (!settings.fsync()) {
                    initdb.add("--no-sync");
                }
                run(initdb, null);
            } finally {
                Files.deleteIfExists(passwordFile);
            }
            log.info("Created the embedded PostgreSQL database in {}", pgData);
        } else if (trustsConnections(pgData)) {
            // A data folder from a version that let every local connection in: give the superuser its password first.
            run(List.of(binaries.program("postgres").toString(), "--single", "-D", pgData.toString(), SUPERUSER),
                    "ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "';\n");
            log.info("The embedded PostgreSQL in {} now requires a password", pgData);
        }
        Files.writeString(pgData.resolve("pg_hba.conf"), HBA);
    }

    /**
     * Stops a server left running on this data folder by a Hard Hats process that died without
     * stopping it. The caller holds the data folder's lock, so such a server can only be an orphan.
     */
    void stopOrphan() throws IOException {
        Optional<ProcessHandle> orphan = postmasterPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("An embedded PostgreSQL (pid {}) left running by an earlier Hard Hats process still serves {}; "
                + "stopping it cleanly", orphan.get().pid(), settings.pgData());
        run(List.of(binaries.program("pg_ctl").toString(), "stop", "-D", settings.pgData().toString(),
                "-m", "fast", "-w", "-t", "120"), null);
    }

    /** Starts the server on {@code port} and answers once it accepts this password. */
    synchronized void start(int port) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(List.of(binaries.program("postgres").toString(), "-D", settings.pgData().toString(),
                "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=",
                "-c", "fsync=" + onOff(settings.fsync()),
                "-c", "synchronous_commit=" + onOff(settings.fsync()),
                "-c", "full_page_writes=" + onOff(settings.fsync())));
        Process started = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.serverLog().toFile()))
                .start();
        process = started;
        awaitReady(started, port);
    }

    synchronized void stop() throws IOException {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        run(List.of(binaries.program("pg_ctl").toString(), "stop", "-D", settings.pgData().toString(),
                "-m", "fast", "-w", "-t", "60"), null);
        try {
            running.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Process process() {
        return process;
    }

    String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private void awaitReady(Process started, int port) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!started.isAlive()) {
                throw new ServerExitedException(port, started.exitValue(), logTail());
            }
            if (postmasterPid().filter(pid -> pid == started.pid()).isPresent() && postmasterReady()) {
                verifyPassword(port);
                return;
            }
            pause(Duration.ofMillis(200));
        }
        started.destroy();
        throw new IOException("the embedded PostgreSQL did not become ready within " + STARTUP.toMinutes()
                + " minutes; see " + settings.serverLog());
    }

    /** Proves that the server answering on the port is ours: it must take our password. */
    private void verifyPassword(int port) throws IOException {
        Properties credentials = new Properties();
        credentials.setProperty("user", SUPERUSER);
        credentials.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(port), credentials)) {
            connection.createStatement().execute("SELECT 1");
        } catch (SQLException e) {
            throw new IOException("the embedded PostgreSQL on port " + port + " refused this installation's password: "
                    + e.getMessage(), e);
        }
    }

    private Optional<Long> postmasterPid() throws IOException {
        return postmasterLine(0).map(String::trim).filter(line -> line.matches("\\d+")).map(Long::parseLong);
    }

    private boolean postmasterReady() throws IOException {
        // Line 8 of postmaster.pid is the server's status; "ready" once it accepts connections.
        return postmasterLine(7).map(String::trim).filter("ready"::equals).isPresent();
    }

    private Optional<String> postmasterLine(int index) throws IOException {
        Path file = settings.pgData().resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.size() > index ? Optional.of(lines.get(index)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static boolean trustsConnections(Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readAllLines(hba).stream()
                .map(String::trim)
                .filter(line -> !line.startsWith("#"))
                .anyMatch(line -> line.matches(".*\\btrust\\b.*"));
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(settings.serverLog(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Runs a PostgreSQL tool; its chatter goes to the server log, and into the error should it fail. */
    private void run(List<String> command, String input) throws IOException {
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            tool.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        tool.getOutputStream().close();
        byte[] output = tool.getInputStream().readAllBytes();
        Files.write(settings.serverLog(), output, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        try {
            if (tool.waitFor() != 0) {
                throw new IOException(Path.of(command.get(0)).getFileName() + " failed: "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    private static String onOff(boolean value) {
        return value ? "on" : "off";
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while waiting for PostgreSQL", e));
        }
    }

    /** The server stopped before it was ready: the port was taken, or the folder is damaged. */
    static final class ServerExitedException extends IOException {
        private final boolean portTaken;

        ServerExitedException(int port, int exitCode, String logTail) {
            super("the embedded PostgreSQL exited with code " + exitCode + " while starting on port " + port
                    + (logTail.isBlank() ? "" : ":\n" + logTail));
            this.portTaken = logTail.contains("could not bind") || logTail.contains("could not create any TCP/IP sockets");
        }

        boolean portTaken() {
            return portTaken;
        }
    }
}
