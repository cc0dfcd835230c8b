package io.hardhats.cameras;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.hardhats.audit.AuditAction;
import io.hardhats.audit.AuditTrail;
import io.hardhats.blobs.BlobStore;
import io.hardhats.ingest.ProbeLimits;
import io.hardhats.ingest.SourceFailure;
import io.hardhats.ingest.SourceProbe;
import io.hardhats.tenancy.TenantContext;
import io.hardhats.web.ApiException;
import jakarta.annotation.PreDestroy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * "Test connection" and placeholder uploads. Both open media with FFmpeg in this process (no
 * worker needed), outside any database transaction, one at a time per organisation and a few in
 * all ({@link ProbeSlots}), and answer within {@link ProbeLimits#deadline()}, fetching a
 * placeholder from the database included.
 */
@Service
public class CameraTools {

    /** The placeholder upload's answer: the camera as usual, plus what the video holds. */
    public record PlaceholderUpload(@JsonUnwrapped CameraView camera, CameraTestResult video) {
    }

    private final CameraRepository cameras;
    private final CameraService service;
    private final CameraUrls urls;
    private final CameraHostGuard hosts;
    private final SourceProbe probe;
    private final ProbeLimits limits;
    private final ProbeSlots slots;
    private final BlobStore blobs;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ExecutorService probes;

    public CameraTools(CameraRepository cameras, CameraService service, CameraUrls urls, CameraHostGuard hosts,
            SourceProbe probe, ProbeLimits limits, ProbeSlots slots, BlobStore blobs, AuditTrail audit,
            TransactionTemplate transactions) {
        this.cameras = cameras;
        this.service = service;
        this.urls = urls;
        this.hosts = hosts;
        this.probe = probe;
        this.limits = limits;
        this.slots = slots;
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

    /** What a connection test opens: the source with its credentials (never answered). */
    private record Target(SourceType type, String url, UUID placeholder) {

        static Target of(Camera camera, CameraUrls urls) {
            return new Target(camera.getSourceType(),
                    urls.withCredentials(camera.getRtspUrl(), camera.getCredentialsEncrypted()),
                    camera.getPlaceholderVideo());
        }
    }

    /** Opens the camera's source with its stored credentials; never answers them. */
    public CameraTestResult test(UUID id) {
        Target target = transactions.execute(status -> Target.of(find(id), urls));
        CameraTestResult result = test(target);
        record(AuditAction.CAMERA_TEST, id, result, Map.of());
        return result;
    }

    /**
     * Opens the source an unsaved camera form describes, validated as creating it would be, under
     * the same host policy, slots and limits as the saved camera's test.
     */
    public CameraTestResult testUnsaved(CameraRequest request) {
        Target target = Target.of(service.draft(request), urls);
        CameraTestResult result = test(target);
        record(AuditAction.CAMERA_TEST, null, result, Map.of("unsaved", true));
        return result;
    }

    private CameraTestResult test(Target target) {
        if (target.type() == SourceType.FILE) {
            return target.placeholder() == null
                    ? CameraTestResult.failed("not_found", "not found: this camera has no placeholder video yet")
                    : CameraTestResult.of(probeWithin(deadline -> probeBlob(target.placeholder(), deadline)));
        }
        if (target.url() == null) {
            return CameraTestResult.failed("not_found", "not found: this camera has no RTSP URL");
        }
        String pinned = hosts.pinned(target.url());
        return CameraTestResult.of(probeWithin(deadline -> probe.probe(pinned, probeTime(deadline), limits)));
    }

    private void record(AuditAction action, UUID cameraId, CameraTestResult result, Map<String, Object> extra) {
        Map<String, Object> details = new LinkedHashMap<>(extra);
        details.put("ok", result.ok());
        if (!result.ok()) {
            details.put("error", result.error());
        }
        transactions.executeWithoutResult(status -> audit.record(action, "camera", cameraId, details));
    }

    /** An uploaded file once it is on disk, with what the client said of it. */
    private record Received(Path file, String contentType, long size) {
    }

    /**
     * Keeps an uploaded video as the camera's placeholder once FFmpeg has decoded it; the previous
     * one is deleted. Workers cache the blob and restart the camera when its configuration changes.
     * The upload is read ({@code upload} asked for it) only once the organisation's probe turn is
     * taken: a second upload of the organisation is refused before its body is received.
     */
    public PlaceholderUpload uploadPlaceholder(UUID id, Supplier<MultipartFile> upload) {
        transactions.executeWithoutResult(status -> find(id));
        ProbeSlots.Slot turn = slots.reserve(TenantContext.requireOrganization());
        Received received = receive(upload, turn);
        try {
            String local = received.file().toString();
            CameraTestResult video = CameraTestResult.of(probeWithin(slots.start(turn),
                    deadline -> probe.probe(local, probeTime(deadline), limits)));
            if (!video.ok()) {
                // Not FFmpeg's message: it may name the server's temporary file.
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "not_a_video",
                        "the file could not be decoded as a video (" + video.error() + ")");
            }
            CameraView camera = transactions.execute(status -> {
                Camera target = find(id);
                UUID previous = target.getPlaceholderVideo();
                UUID blob;
                try (InputStream in = Files.newInputStream(received.file())) {
                    blob = blobs.save(received.contentType(), in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                target.setPlaceholderVideo(blob);
                target.touch();
                if (previous != null) {
                    blobs.delete(previous);
                }
                audit.record(AuditAction.CAMERA_PLACEHOLDER_UPLOAD, "camera", id, Map.of("blob", blob.toString(),
                        "size_bytes", received.size(), "codec", String.valueOf(video.codec())));
                return service.view(target);
            });
            return new PlaceholderUpload(camera, video);
        } finally {
            deleteTemporary(received.file());
        }
    }

    /** Reads the upload to a temporary file; the turn is let go when that fails. */
    private static Received receive(Supplier<MultipartFile> upload, ProbeSlots.Slot turn) {
        Path copy = null;
        Received received = null;
        try {
            MultipartFile file = upload.get();
            if (file == null || file.isEmpty()) {
                throw ApiException.invalid("file: choose a video file");
            }
            copy = Files.createTempFile("hardhats-placeholder", ".video");
            file.transferTo(copy.toFile()); // the container's own copy is moved when it can be, not copied
            String contentType = file.getContentType() != null && file.getContentType().startsWith("video/")
                    ? file.getContentType() : "application/octet-stream";
            received = new Received(copy, contentType, file.getSize());
            return received;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded file", e);
        } finally {
            if (received == null) {
                turn.close();
                deleteTemporary(copy);
            }
        }
    }

    private static void deleteTemporary(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file; the OS cleans up
            }
        }
    }

    /**
     * The placeholder, streamed from the database to a temporary file (never whole in memory)
     * and probed there; the copy stops at the deadline.
     */
    private SourceProbe.Result probeBlob(UUID blobId, long deadline) {
        Path copy = null;
        try {
            copy = Files.createTempFile("hardhats-placeholder", ".video");
            boolean found;
            try (OutputStream out = new UntilDeadline(Files.newOutputStream(copy), deadline)) {
                found = blobs.copyTo(blobId, out);
            }
            if (!found) {
                return new SourceProbe.Result(false, null, 0, 0, 0, null,
                        SourceFailure.Kind.NOT_FOUND.because("the placeholder video is missing"));
            }
            return probe.probe(copy.toString(), probeTime(deadline), limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTemporary(copy);
        }
    }

    /** {@link #probeWithin(ProbeSlots.Slot, LongFunction)} in a slot taken now for the current organisation. */
    private SourceProbe.Result probeWithin(LongFunction<SourceProbe.Result> work) {
        return probeWithin(slots.acquire(TenantContext.requireOrganization()), work);
    }

    /**
     * Runs {@code work} (given its deadline, in {@link System#nanoTime()} terms) in the held probe
     * slot of the current organisation and answers by the deadline however long FFmpeg takes to
     * give up. The slot is freed when the work has really ended.
     */
    private SourceProbe.Result probeWithin(ProbeSlots.Slot slot, LongFunction<SourceProbe.Result> work) {
        UUID organizationId = TenantContext.requireOrganization();
        long deadline = System.nanoTime() + limits.deadline().toNanos();
        Future<SourceProbe.Result> running;
        try {
            running = probes.submit(() -> {
                try {
                    return TenantContext.callAs(organizationId, () -> work.apply(deadline));
                } finally {
                    slot.close();
                }
            });
        } catch (RejectedExecutionException e) {
            slot.close();
            throw e;
        }
        try {
            return running.get(limits.deadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return timedOut();
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InterruptedIOException) {
                    return timedOut();
                }
            }
            return new SourceProbe.Result(false, null, 0, 0, 0, null, SourceFailure.classify(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return timedOut();
        }
    }

    /** What FFmpeg may spend of the time left: four fifths, leaving room to close and answer. */
    private static Duration probeTime(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()) * 4 / 5);
    }

    private SourceProbe.Result timedOut() {
        return new SourceProbe.Result(false, null, 0, 0, 0, null,
                SourceFailure.Kind.TIMEOUT.because("no answer within " + limits.deadline().toSeconds() + " s"));
    }

    /** Refuses writes once the deadline has passed or the probe was cancelled. */
    private static final class UntilDeadline extends FilterOutputStream {
        private final long deadline;

        UntilDeadline(OutputStream out, long deadline) {
            super(out);
            this.deadline = deadline;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadline > 0) {
                throw new InterruptedIOException("the deadline passed while copying the placeholder");
            }
            out.write(bytes, offset, length);
        }
    }

    private Camera find(UUID id) {
        return cameras.findById(id).orElseThrow(() -> ApiException.notFound("camera"));
    }
}
