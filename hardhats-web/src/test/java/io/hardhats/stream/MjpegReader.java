package io.hardhats.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A minimal multipart/x-mixed-replace client: reads one JPEG part at a time, as a browser does. */
public final class MjpegReader implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpResponse<InputStream> response;
    private final InputStream in;

    public MjpegReader(int port, String path, String sessionCookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (sessionCookie != null) {
            request.header("Cookie", "session=" + sessionCookie);
        }
        this.response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        this.in = response.body();
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("content-type").orElse("");
    }

    /** The next part's JPEG bytes, checking the boundary and part headers on the way. */
    public byte[] nextFrame() throws IOException {
        String boundary = readLine();
        while (boundary.isEmpty()) {
            boundary = readLine();
        }
        if (!boundary.equals("--" + MjpegController.BOUNDARY)) {
            throw new IOException("expected a boundary, got '" + boundary + "'");
        }
        int length = -1;
        String type = null;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            } else if (lower.startsWith("content-type:")) {
                type = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        if (!"image/jpeg".equals(type) || length < 0) {
            throw new IOException("part without image/jpeg type or length");
        }
        byte[] jpeg = in.readNBytes(length);
        if (jpeg.length != length) {
            throw new IOException("stream ended inside a part");
        }
        return jpeg;
    }

    /** Whether the server ends the stream within the timeout (frames before the end are skipped). */
    public boolean endsWithin(Duration timeout) throws InterruptedException {
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    nextFrame();
                }
            } catch (IOException e) {
                // The end.
            }
        }, "mjpeg-reader");
        reader.setDaemon(true);
        reader.start();
        reader.join(timeout.toMillis());
        return !reader.isAlive();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("stream ended");
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
