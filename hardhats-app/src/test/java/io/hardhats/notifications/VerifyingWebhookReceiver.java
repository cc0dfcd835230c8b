package io.hardhats.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's webhook endpoint on 127.0.0.1, written as the README's "Verifying a webhook" says:
 * each channel has a path of its own, and every request is checked against that channel's signing
 * secret and kept with its {@code X-Hardhats-Delivery} key. It accepts (200), refuses (503) or
 * stalls: holds each request unanswered until the test changes the mode, then answers it 503,
 * so that only a request that arrived while accepting is ever accepted.
 */
public final class VerifyingWebhookReceiver implements AutoCloseable {

    /** What the receiver does with the next request. */
    public enum Mode { ACCEPT, REFUSE, STALL }

    /**
     * One request as answered.
     *
     * @param channel the channel its path names
     * @param key its {@code X-Hardhats-Delivery} header
     * @param signed whether its {@code X-Hardhats-Signature} verified with the channel's secret, within 5 minutes
     * @param type the message's {@code type} (violation, test, summary)
     * @param id the message's {@code id}: the event's, or a test's delivery
     * @param status the status it was answered with
     */
    public record Request(String channel, String key, boolean signed, String type, String id, int status) {

        public boolean accepted() {
            return status == 200;
        }
    }

    private static final String PREFIX = "/hooks/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Request> answered = new CopyOnWriteArrayList<>();
    private final AtomicInteger held = new AtomicInteger();
    private final Object modeChanged = new Object();
    private volatile Mode mode = Mode.ACCEPT;
    private final HttpServer server;

    public VerifyingWebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(PREFIX, this::receive);
        server.start();
    }

    /** The URL of one channel: the path names it, as the secret path of a Slack URL does. */
    public String url(String channel) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX + channel;
    }

    /** The signing secret the channel's creation answered. */
    public void secret(String channel, String secret) {
        secrets.put(channel, secret);
    }

    public void mode(Mode next) {
        synchronized (modeChanged) {
            mode = next;
            modeChanged.notifyAll();
        }
    }

    /** Requests being held unanswered now (their senders are waiting). */
    public int held() {
        return held.get();
    }

    /** Every request answered so far, in order. */
    public List<Request> requests() {
        return List.copyOf(answered);
    }

    public List<Request> accepted() {
        return answered.stream().filter(Request::accepted).toList();
    }

    /** How often each channel and key was accepted. */
    public Map<String, Integer> acceptedCounts() {
        Map<String, Integer> counts = new HashMap<>();
        accepted().forEach(request -> counts.merge(request.channel() + "|" + request.key(), 1, Integer::sum));
        return counts;
    }

    /**
     * Answers under the mode's lock, so that once {@link #mode} returns no request is still being
     * answered in the mode before: after a switch away from ACCEPT, every 200 ever given is in
     * {@link #requests}. A request whose sender is gone by the time of the answer is not kept.
     */
    private void receive(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String channel = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String key = exchange.getRequestHeaders().getFirst("X-Hardhats-Delivery");
            boolean signed = verifies(secrets.get(channel), exchange.getRequestHeaders().getFirst("X-Hardhats-Signature"),
                    body);
            JsonNode message = JSON.readTree(body);
            synchronized (modeChanged) {
                int status = mode == Mode.STALL ? holdThenRefuse() : mode == Mode.ACCEPT ? 200 : 503;
                byte[] reply = (status == 200 ? "ok" : "receiver busy").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, reply.length);
                exchange.getResponseBody().write(reply);
                exchange.getResponseBody().close();
                answered.add(new Request(channel, key, signed, message.path("type").asString(),
                        message.path("id").asString(), status));
            }
        } finally {
            exchange.close();
        }
    }

    /** Holds the request until the mode changes (the lock is free meanwhile), then refuses it. */
    private int holdThenRefuse() {
        held.incrementAndGet();
        try {
            while (mode == Mode.STALL) {
                modeChanged.wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            held.decrementAndGet();
        }
        return 503;
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, compared in constant time. */
    private static boolean verifies(String secret, String header, byte[] body) {
        if (secret == null || header == null) {
            return false;
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2) {
                parts.put(pair[0], pair[1]);
            }
        }
        String t = parts.get("t");
        String v1 = parts.get("v1");
        if (t == null || v1 == null || !t.matches("\\d{1,12}")
                || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public void close() {
        mode(Mode.REFUSE);
        server.stop(0);
    }
}
