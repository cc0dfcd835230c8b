package io.hardhats.cameras;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hardhats.audit.AuditTrail;
import io.hardhats.blobs.BlobStore;
import io.hardhats.ingest.SourceFailure;
import io.hardhats.ingest.SourceProbe;
import io.hardhats.web.ApiException;
import jakarta.annotation.PreDestroy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Test connection" and placeholder uploads. Both open media with FFmpeg in this process (no
 * worker needed), outside any database transaction, and give up after {@link #LIMIT}.
 */
@Service
public class CameraTools {

    /** The longest a test or an upload check may take. */
    static final Duration LIMIT = Duration.ofSeconds(10);
    /** What the probe itself may spend, leaving room to answer within {@link #LIMIT}. */
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(8);

    /** The placeholder upload's answer: the camera as usual, plus what the video holds. */
    public record PlaceholderUpload(@JsonUnwrapped CameraView camera, CameraTestResult video) {
    }

    private final CameraRepository cameras;
    private final CameraService service;
    private final CameraUrls urls;
    private final CameraHostGuard hosts;
    private final SourceProbe probe;
    private final BlobStore blobs;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ExecutorService probes;

    public CameraTools(CameraRepository cameras, CameraService service, CameraUrls urls, CameraHostGuard hosts,
            SourceProbe probe, BlobStore blobs, AuditTrail audit, TransactionTemplate transactions) {
        this.cameras = cameras;
        this.service = service;
        this.urls = urls;
        this.hosts = hosts;
        this.probe = probe;
        this.blobs = blobs;
        this.audit = audit;
        this.transactions = transactions;
        AtomicInteger n = new AtomicInteger();
        this.probes = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "camera-probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        probes.shutdownNow();
    }

    /** Opens the camera's source with its stored credentials; never answers them. */
    public CameraTestResult test(UUID id) {
        record Target(SourceType type, String url, UUID placeholder) {
        }
        Target target = transactions.execute(status -> {
            Camera camera = find(id);
            return new Target(camera.getSourceType(),
                    urls.withCredentials(camera.getRtspUrl(), camera.getCredentialsEncrypted()),
                    camera.getPlaceholderVideo());
        });
        CameraTestResult result;
        if (target.type() == SourceType.FILE) {
            result = target.placeholder() == null
                    ? CameraTestResult.failed("not_found", "not found: this camera has no placeholder video yet")
                    : testBlob(target.placeholder());
        } else if (target.url() == null) {
            result = CameraTestResult.failed("not_found", "not found: this camera has no RTSP URL");
        } else {
            result = CameraTestResult.of(probe(hosts.pinned(target.url())));
        }
        transactions.executeWithoutResult(status -> audit.record("camera_test", "camera", id,
                result.ok() ? Map.of("ok", true) : Map.of("ok", false, "error", result.error())));
        return result;
    }

    /**
     * Keeps an uploaded video as the camera's placeholder once FFmpeg has decoded it; the previous
     * one is deleted. Workers cache the blob and restart the camera when its configuration changes.
     */
    public PlaceholderUpload uploadPlaceholder(UUID id, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid("file: choose a video file");
        }
        transactions.executeWithoutResult(status -> find(id));
        Path copy = null;
        try {
            copy = Files.createTempFile("hardhats-placeholder", ".video");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            CameraTestResult video = CameraTestResult.of(probe(copy.toString()));
            if (!video.ok()) {
                // Not FFmpeg's message: it may name the server's temporary file.
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "not_a_video",
                        "the file could not be decoded as a video (" + video.error() + ")");
            }
            Path stored = copy;
            String contentType = file.getContentType() != null && file.getContentType().startsWith("video/")
                    ? file.getContentType() : "application/octet-stream";
            CameraView camera = transactions.execute(status -> {
                Camera target = find(id);
                UUID previous = target.getPlaceholderVideo();
                UUID blob;
                try (InputStream in = Files.newInputStream(stored)) {
                    blob = blobs.save(contentType, in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                target.setPlaceholderVideo(blob);
                target.touch();
                if (previous != null) {
                    blobs.delete(previous);
                }
                audit.record("camera_placeholder_upload", "camera", id, Map.of("blob", blob.toString(),
                        "size_bytes", file.getSize(), "codec", String.valueOf(video.codec())));
                return service.view(target);
            });
            return new PlaceholderUpload(camera, video);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded file", e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans up
                }
            }
        }
    }

    private CameraTestResult testBlob(UUID blobId) {
        Path copy = null;
        try {
            byte[] bytes = blobs.read(blobId).map(BlobStore.Blob::bytes).orElse(null);
            if (bytes == null) {
                return CameraTestResult.failed("not_found", "not found: the placeholder video is missing");
            }
            copy = Files.createTempFile("hardhats-placeholder", ".video");
            Files.write(copy, bytes);
            return CameraTestResult.of(probe(copy.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temp file
                }
            }
        }
    }

    /** The probe, cut off at {@link #LIMIT} however long FFmpeg takes to give up. */
    private SourceProbe.Result probe(String url) {
        Future<SourceProbe.Result> running = probes.submit(() -> probe.probe(url, PROBE_LIMIT));
        try {
            return running.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return timedOut();
        } catch (ExecutionException e) {
            return new SourceProbe.Result(false, null, 0, 0, 0, null, SourceFailure.classify(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return timedOut();
        }
    }

    private static SourceProbe.Result timedOut() {
        return new SourceProbe.Result(false, null, 0, 0, 0, null,
                SourceFailure.timeout("no answer within " + LIMIT.toSeconds() + " s"));
    }

    private Camera find(UUID id) {
        return cameras.findById(id).orElseThrow(() -> ApiException.notFound("camera"));
    }
}
