package io.hardhats.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.hardhats.ingest.ProbeLimits;
import io.hardhats.ingest.TestVideos;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The attack that took the whole process down: a large placeholder, then many concurrent
 * connection tests. Each test used to hold the video in the heap about four times over (the
 * driver's rows, a growing buffer, its copy), so eight tests of a 48 MB video asked for about
 * 1.5 GB; now the video is streamed to disk a chunk at a time, one probe runs per organisation
 * and two in all, and the rest are told to come back.
 */
@TestPropertySource(properties = "hardhats.cameras.allow-private-hosts=true")
class ProbeLimitsTest extends ApiTest {

    /** Uncompressed 640x480 frames, so a large file costs no encoding time: 104 x 460,800 B = 48 MB. */
    private static final int LARGE_VIDEO_FRAMES = 104;
    /**
     * What the process may grow by over three rounds of eight concurrent tests (README, "Cameras"),
     * counted after a first round: how far the JVM's heap expands for that first round depends on
     * the tests run before in the same JVM, and is no growth with the rounds.
     */
    private static final long RSS_GROWTH_BOUND_BYTES = 256L * 1024 * 1024;
    private static final int CONCURRENT_CALLS = 8;

    private static Path largeVideo;
    private static ServerSocket silentCamera;
    private static final List<Socket> heldOpen = new CopyOnWriteArrayList<>();

    private final ProbeLimits limits = ProbeLimits.DEFAULTS;

    @Autowired
    private ProbeSlots slots;

    @BeforeAll
    static void media() throws Exception {
        largeVideo = TestVideos.make(Path.of("target", "probe-limits", "large.nut").toAbsolutePath(),
                "testsrc=size=640x480:rate=25", "-frames:v", Integer.toString(LARGE_VIDEO_FRAMES), "-c:v", "rawvideo",
                "-pix_fmt", "yuv420p");
        // A "camera" that accepts the connection and never says a word: each test of it holds its
        // probe slot until FFmpeg's read timeout.
        silentCamera = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> {
            while (!silentCamera.isClosed()) {
                try {
                    heldOpen.add(silentCamera.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-camera");
        accepting.setDaemon(true);
        accepting.start();
    }

    @AfterAll
    static void stopCamera() throws IOException {
        silentCamera.close();
        for (Socket socket : heldOpen) {
            socket.close();
        }
    }

    @Test
    void concurrentTestsOfALargePlaceholderStayBoundedAndTheServiceStaysUp() throws Exception {
        Member admin = register("Large Video Corp");
        HttpResult created = admin.client().post("/api/v1/cameras", Map.of("name", "Big", "source_type", "file"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String test = "/api/v1/cameras/" + created.text("id") + "/test";
        HttpResult uploaded = admin.client().upload("/api/v1/cameras/" + created.text("id") + "/placeholder", "file",
                "large.nut", "video/x-nut", Files.readAllBytes(largeVideo), true);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        assertThat(admin.client().post(test, null).json().path("ok").asBoolean()).isTrue();

        together(CONCURRENT_CALLS, () -> admin.client().post(test, null));
        long before = residentBytes();
        AtomicBoolean attacking = new AtomicBoolean(true);
        List<Integer> healthStatuses = new CopyOnWriteArrayList<>();
        Thread health = new Thread(() -> {
            while (attacking.get()) {
                healthStatuses.add(client().get("/health").status());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        health.start();
        List<Timed> answers = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            answers.addAll(together(CONCURRENT_CALLS, () -> admin.client().post(test, null)));
        }
        attacking.set(false);
        health.join();
        long grown = residentBytes() - before;
        System.out.printf("RSS before %d MB, growth over %d tests %d MB%n", before >> 20, answers.size(), grown >> 20);

        assertThat(grown).as("RSS growth, bytes").isLessThan(RSS_GROWTH_BOUND_BYTES);
        assertThat(healthStatuses).isNotEmpty().containsOnly(200);
        long deadline = limits.deadline().toMillis();
        for (Timed answer : answers) {
            assertThat(answer.millis()).as(answer.toString()).isLessThan(deadline + 5_000);
            assertThat(answer.result().status()).as(answer.toString()).isIn(200, 429);
            if (answer.result().status() == 200) {
                assertThat(answer.result().json().path("ok").asBoolean()).as(answer.toString()).isTrue();
            } else {
                assertBusy(answer.result());
            }
        }
        assertThat(answers).filteredOn(a -> a.result().status() == 429).as("one probe per organisation")
                .hasSizeGreaterThanOrEqualTo(3 * (CONCURRENT_CALLS - 2));
        assertThat(answers).filteredOn(a -> a.result().status() == 200).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void beyondTheGlobalLimitOrganisationsAreToldToComeBack() throws Exception {
        int organisations = limits.concurrent() + 1;
        List<Supplier<HttpResult>> calls = new ArrayList<>();
        for (int i = 0; i < organisations; i++) {
            Member admin = register("Silent Camera Corp " + i);
            HttpResult created = admin.client().post("/api/v1/cameras", Map.of("name", "Silent", "source_type", "rtsp",
                    "rtsp_url", "rtsp://127.0.0.1:" + silentCamera.getLocalPort() + "/cam"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String test = "/api/v1/cameras/" + created.text("id") + "/test";
            calls.add(() -> admin.client().post(test, null));
        }
        List<Timed> answers = together(calls);

        assertThat(answers).filteredOn(a -> a.result().status() == 200).hasSize(limits.concurrent())
                .allSatisfy(a -> assertThat(a.result().json().path("ok").asBoolean()).isFalse());
        List<Timed> refused = answers.stream().filter(a -> a.result().status() == 429).toList();
        assertThat(refused).hasSize(organisations - limits.concurrent());
        refused.forEach(a -> {
            assertBusy(a.result());
            assertThat(a.result().text("detail")).contains("other videos");
        });
    }

    @Test
    void anUploadWhileItsOrganisationProbesIsRefusedBeforeItsBodyIsSent() throws Exception {
        Member admin = register("Busy Upload Corp");
        HttpResult created = admin.client().post("/api/v1/cameras", Map.of("name", "Upload", "source_type", "file"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String path = "/api/v1/cameras/" + created.text("id") + "/placeholder";

        // The organisation's turn, as a running connection test holds it.
        try (ProbeSlots.Slot running = slots.acquire(admin.organizationId())) {
            assertThat(answerToAnUploadThatStopsSending(admin, path, 200_000_000)).startsWith("HTTP/1.1 429 ");
        }
    }

    /**
     * The status line answered to a multipart upload that declares {@code declaredBytes} but sends
     * only its first part's headers and 64 KiB, then waits: a server that reads the whole body
     * first never answers before the socket's timeout.
     */
    private String answerToAnUploadThatStopsSending(Member member, String path, long declaredBytes)
            throws IOException {
        String boundary = "hardhats-upload-boundary";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Cookie: session=" + member.client().sessionCookie() + "\r\n"
                    + "X-Requested-With: XMLHttpRequest\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: " + declaredBytes + "\r\n\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.mp4\"\r\n"
                    + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private static void assertBusy(HttpResult result) {
        assertThat(result.status()).isEqualTo(429);
        assertThat(result.text("error")).as(result.toString()).isEqualTo("probe_busy");
        assertThat(result.text("detail")).isNotBlank();
        assertThat(result.header("Retry-After")).as(result.toString()).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    }

    private record Timed(HttpResult result, long millis) {
    }

    private static List<Timed> together(int times, Supplier<HttpResult> call) throws Exception {
        List<Supplier<HttpResult>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(call);
        }
        return together(calls);
    }

    /** Starts every call at the same moment and waits for all the answers. */
    private static List<Timed> together(List<Supplier<HttpResult>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Timed>> running = new ArrayList<>();
            for (Supplier<HttpResult> call : calls) {
                running.add(pool.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    HttpResult result = call.get();
                    return new Timed(result, Duration.ofNanos(System.nanoTime() - t0).toMillis());
                }));
            }
            start.countDown();
            List<Timed> answers = new ArrayList<>();
            for (Future<Timed> answer : running) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** VmRSS of this process, which runs the web service under test. */
    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
