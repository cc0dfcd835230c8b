package io.hardhats.web;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.hardhats.events.ViolationType;
import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.support.TenantData;
import io.hardhats.users.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Calls every operation of the OpenAPI document with malformed, boundary and oversized values,
 * as an admin, a manager, an operator and signed out, and holds the API to its promises: never
 * a 5xx, every 4xx in the one error shape, and a refused request changes nothing in the
 * organisation. The cases are generated from a seed, so a failure can be replayed:
 * {@code -Dhardhats.fuzz.seed=N}; {@code -Dhardhats.fuzz.cases=5000} runs a longer campaign.
 */
class ApiFuzzTest extends ApiTest {

    private static final long SEED = Long.getLong("hardhats.fuzz.seed", 1L);
    private static final int CASES = Integer.getInteger("hardhats.fuzz.cases", 300);

    /** Endpoints that stream until the client leaves, or dial out to a camera, or end the caller's session. */
    private static final Pattern SKIPPED = Pattern.compile(
            "/api/stream/\\{[^}]+}|/api/sse/.*|.*/test|.*/placeholder|/api/v1/auth/logout");
    /** Calls that sign a client in as someone else: made with a client of their own. */
    private static final Set<String> SIGNING_IN = Set.of("/api/v1/auth/register", "/api/v1/auth/login");

    private record Operation(String method, String path, JsonNode parameters, JsonNode body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Autowired
    private TenantData data;

    private Member admin;
    private final Map<String, String> sessions = new LinkedHashMap<>();
    private final List<String> knownIds = new ArrayList<>();
    private UUID cameraId;

    @BeforeEach
    void organisationWithAMemberOfEveryRoleAndAStranger() {
        admin = register("Fuzz Corp");
        cameraId = createCamera(admin, "Gate");
        UUID event = data.event(admin.organizationId(), cameraId, ViolationType.NO_HARDHAT, Instant.now());
        sessions.put("admin", admin.client().sessionCookie());
        sessions.put("manager", addMember(admin, Role.MANAGER).client().sessionCookie());
        sessions.put("operator", addMember(admin, Role.OPERATOR).client().sessionCookie());
        sessions.put("signed out", null);

        Member stranger = register("Fuzz Strangers");
        UUID strangerCamera = createCamera(stranger, "Their gate");
        UUID strangerEvent = data.event(stranger.organizationId(), strangerCamera, ViolationType.NO_VEST,
                Instant.now());
        knownIds.addAll(List.of(cameraId.toString(), event.toString(), admin.userId().toString(),
                admin.organizationId().toString(), strangerCamera.toString(), strangerEvent.toString(),
                stranger.userId().toString()));
    }

    @Test
    void everyOperationRefusesBadInputInTheOneShapeAndChangesNothing() throws Exception {
        HttpResult document = client().get("/api/docs/openapi.json");
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        List<Operation> operations = operations(document.json());
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(20);
        JsonNode components = document.json().path("components");

        FuzzValues values = new FuzzValues(SEED, knownIds);
        List<String> actors = new ArrayList<>(sessions.keySet());
        List<String> failures = new ArrayList<>();
        int refused = 0;
        try (OrganisationSnapshot snapshot = new OrganisationSnapshot()) {
            for (int i = 0; i < CASES; i++) {
                // Round robin over the operations, so every one is called at every size of run.
                Operation operation = operations.get(i % operations.size());
                String actor = values.pick(actors);
                String path = operation.path().replaceAll("\\{[^}]+}", values.pathSegment().replace("$", "\\$"))
                        + values.query(operation.parameters(), components);
                String body = operation.body() != null || values.chance(0.1)
                        ? values.body(operation.body(), components) : null;
                String contentType = body == null ? null : values.contentType();

                ApiClient client = client().withSessionCookie(sessions.get(actor))
                        .header(CrossSiteRequestGuard.HEADER, "fuzz");
                String before = snapshot.of(admin.organizationId());
                String call = operation.method() + " " + abbreviate(path, 200) + " as " + actor + " ("
                        + contentType + ") " + abbreviate(body, 300);
                HttpResult result;
                try {
                    result = client.send(operation.method(), path, body, contentType);
                } catch (UncheckedIOException e) {
                    failures.add(call + " -> connection failed: " + e.getMessage());
                    continue;
                }
                // A HEAD answer has no body to hold the error shape.
                String problem = result.status() >= 500 ? "a server error"
                        : operation.method().equals("HEAD") ? null : problem(result);
                if (result.status() >= 400) {
                    refused++;
                    if (!snapshot.of(admin.organizationId()).equals(before)) {
                        problem = "a refused request changed the organisation's data";
                    }
                }
                if (problem != null) {
                    failures.add(call + " -> " + result.status() + " " + abbreviate(result.body(), 300) + ": " + problem);
                }
                if (!SIGNING_IN.contains(operation.path()) && sessions.get(actor) != null
                        && client.sessionCookie() != null) {
                    sessions.put(actor, client.sessionCookie());
                }
            }
        }
        assertThat(failures).as("seed " + SEED + ", " + CASES + " cases").isEmpty();
        assertThat(refused).as("requests refused").isGreaterThan(CASES / 2);
    }

    /** Bad uploads get specific cases: a real upload makes FFmpeg decode it. */
    @Test
    void badPlaceholderUploadsAreRefusedInTheOneShapeAndChangeNothing() throws Exception {
        String placeholder = "/api/v1/cameras/" + cameraId + "/placeholder";
        byte[] junk = "this is not a video at all".getBytes();
        try (OrganisationSnapshot snapshot = new OrganisationSnapshot()) {
            String before = snapshot.of(admin.organizationId());
            assertError(admin.client().upload(placeholder, "file", "clip.mp4", "video/mp4", junk, true), 422,
                    "not_a_video");
            HttpResult empty = admin.client().upload(placeholder, "file", "empty.mp4", "video/mp4", new byte[0], true);
            assertThat(empty.status()).as(empty.toString()).isBetween(400, 499);
            assertError(empty, empty.status());
            assertError(admin.client().upload(placeholder, "clip", "clip.mp4", "video/mp4", junk, true), 400);
            assertError(admin.client().upload("/api/v1/cameras/" + knownIds.get(4) + "/placeholder", "file",
                    "clip.mp4", "video/mp4", junk, true), 404);
            assertError(admin.client().upload("/api/v1/cameras/not-a-uuid/placeholder", "file", "clip.mp4",
                    "video/mp4", junk, true), 400);
            assertError(admin.client().send("POST", placeholder, "{\"file\": \"clip.mp4\"}", "application/json"),
                    415);
            assertError(admin.client().header(CrossSiteRequestGuard.HEADER, "fuzz")
                    .send("POST", placeholder, "--x--", "multipart/form-data"), 400);
            assertThat(snapshot.of(admin.organizationId())).isEqualTo(before);
        }
    }

    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (SKIPPED.matcher(path.getKey()).matches()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode operation = method.getValue();
                JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(),
                        operation.path("parameters"), body.isMissingNode() ? null : body));
            }
        }
        return operations;
    }

    /** @return what is wrong with the answer, or null when it keeps the API's promises */
    private static String problem(HttpResult result) {
        if (result.status() < 400) {
            return null;
        }
        try {
            assertError(result, result.status());
            return null;
        } catch (AssertionError | RuntimeException e) {
            return "not the error shape: " + abbreviate(e.getMessage(), 200);
        }
    }

    private static String abbreviate(String text, int length) {
        if (text == null) {
            return "";
        }
        String line = text.replace("\n", " ");
        return line.length() <= length ? line : line.substring(0, length) + "…(" + line.length() + " chars)";
    }
}
