package io.hardhats.web;

import static io.hardhats.support.ApiErrors.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.support.ApiClient;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.users.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input gets a clear 4xx in the one error shape and changes nothing: malformed and mistyped
 * JSON, unknown enum spellings, oversized bodies, wrong content types, bad paging parameters and
 * camera settings outside what the product supports.
 */
class BadInputTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Member admin;
    private UUID cameraId;

    @BeforeEach
    void organisationWithOneCamera() {
        admin = register("Bad Input Corp");
        cameraId = createCamera(admin, "Gate");
    }

    private static Map<String, Object> camera(Object... extra) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Crane", "source_type", "rtsp",
                "rtsp_url", "rtsp://192.0.2.20:554/crane"));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    private JsonNode cameras() {
        HttpResult list = admin.client().get("/api/v1/cameras");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json();
    }

    private HttpResult theCamera() {
        HttpResult result = admin.client().get("/api/v1/cameras/" + cameraId);
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        return result;
    }

    /** The refused request left the organisation with its one camera, exactly as it was. */
    private void assertNothingChanged(String cameraBefore) {
        assertThat(cameras().size()).isEqualTo(1);
        assertThat(theCamera().json()).isEqualTo(JSON.readTree(cameraBefore));
    }

    @Test
    void malformedJsonIsABadRequest() {
        String before = theCamera().body();
        for (String body : new String[] {"{\"name\": \"Crane\", \"source_type\": ", "not json at all", "[1, 2",
                "{\"name\": \"Crane\"} trailing"}) {
            HttpResult created = admin.client().send("POST", "/api/v1/cameras", body, "application/json");
            assertError(created, 400, "bad_request");
            HttpResult updated = admin.client().send("PUT", "/api/v1/cameras/" + cameraId, body, "application/json");
            assertError(updated, 400, "bad_request");
        }
        assertError(admin.client().send("POST", "/api/v1/cameras", "", "application/json"), 400, "bad_request");
        assertError(client().send("POST", "/api/v1/auth/login", "{\"email\": ", "application/json"), 400);
        assertNothingChanged(before);
    }

    @Test
    void wrongTypesAreABadRequestNamingTheField() {
        String before = theCamera().body();
        String detail = assertError(admin.client().post("/api/v1/cameras", camera("target_fps", "fast")), 400,
                "bad_request");
        assertThat(detail).contains("target_fps");
        detail = assertError(admin.client().post("/api/v1/cameras", camera("name", 12345)), 400, "bad_request");
        assertThat(detail).contains("name");
        detail = assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("target_fps", "fast")), 400);
        assertThat(detail).contains("target_fps");
        detail = assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("name", 12345)), 400);
        assertThat(detail).contains("name");
        assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("zone_polygon", "everywhere")), 400);
        assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("is_active", List.of(1))), 400);
        assertNothingChanged(before);
    }

    @Test
    void unknownEnumSpellingsAreABadRequest() {
        String before = theCamera().body();
        String detail = assertError(admin.client().post("/api/v1/cameras", camera("source_type", "hls")), 400,
                "bad_request");
        assertThat(detail).contains("source_type");
        assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("detection_mode", "everything")), 400);
        assertNothingChanged(before);

        int usersBefore = admin.client().get("/api/v1/users").json().size();
        detail = assertError(admin.client().post("/api/v1/users", Map.of("email", uniqueEmail("boss"),
                "password", PASSWORD, "full_name", "Boss", "role", "owner")), 400, "bad_request");
        assertThat(detail).contains("role");
        assertThat(admin.client().get("/api/v1/users").json().size()).isEqualTo(usersBefore);

        detail = assertError(admin.client().get("/api/v1/events?violation_type=foo"), 400, "bad_request");
        assertThat(detail).contains("violation_type");
        assertError(admin.client().get("/api/v1/events?camera_id=not-a-uuid"), 400, "bad_request");
        assertError(admin.client().get("/api/v1/events?acknowledged=perhaps"), 400, "bad_request");
        assertError(admin.client().get("/api/v1/events?from=yesterday"), 400, "bad_request");
        assertError(admin.client().get("/api/v1/cameras/not-a-uuid"), 400, "bad_request");
    }

    @Test
    void aBodyOverOneMebibyteWithItsLengthIsRefused() {
        String before = theCamera().body();
        String huge = "{\"name\": \"" + "x".repeat(1024 * 1024 + 10) + "\", \"source_type\": \"rtsp\", "
                + "\"rtsp_url\": \"rtsp://192.0.2.20/big\"}";
        HttpResult result = admin.client().send("POST", "/api/v1/cameras", huge, "application/json");
        assertError(result, 413, "payload_too_large");
        assertError(client().send("POST", "/api/v1/auth/login", huge, "application/json"), 413);
        assertNothingChanged(before);
    }

    @Test
    void aChunkedBodyOverOneMebibyteIsRefused() throws Exception {
        String before = theCamera().body();
        byte[] huge = ("{\"name\": \"" + "x".repeat(1024 * 1024 + 10) + "\", \"source_type\": \"rtsp\", "
                + "\"rtsp_url\": \"rtsp://192.0.2.20/big\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cameras"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Cookie", "session=" + admin.client().sessionCookie())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();
        assertThat(request.bodyPublisher().orElseThrow().contentLength()).as("sent without a length").isNegative();
        HttpResponse<String> response;
        try {
            response = RAW.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the server should answer 413, not drop the connection", e);
        }
        assertError(new HttpResult(response.statusCode(), response.headers(), response.body()), 413,
                "payload_too_large");

        // A small chunked body is fine: the limit is on size, not on the transfer encoding.
        byte[] small = ApiClient.toJson(camera("name", "Chunked")).getBytes(StandardCharsets.UTF_8);
        HttpRequest ok = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cameras"))
                .header("Content-Type", "application/json")
                .header("Cookie", "session=" + admin.client().sessionCookie())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small)))
                .build();
        HttpResponse<String> created = RAW.send(ok, HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(admin.client().delete("/api/v1/cameras/"
                + JSON.readTree(created.body()).path("id").asString()).status()).isEqualTo(204);
        assertNothingChanged(before);
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        String before = theCamera().body();
        ApiClient client = client().withSessionCookie(admin.client().sessionCookie())
                .header("X-Requested-With", "XMLHttpRequest");
        String json = ApiClient.toJson(camera());
        assertError(client.send("POST", "/api/v1/cameras", json, "text/plain"), 415, "unsupported_media_type");
        assertError(client.send("PUT", "/api/v1/cameras/" + cameraId, "{\"name\": \"Renamed\"}", "text/plain"), 415);
        assertError(client.send("POST", "/api/v1/cameras", "name=Crane", "application/x-www-form-urlencoded"), 415);
        assertNothingChanged(before);
    }

    @Test
    void invalidCursorsAndLimitsAreRefused() {
        for (String path : new String[] {"/api/v1/events", "/api/v1/audit-logs"}) {
            assertError(admin.client().get(path + "?cursor=garbage!"), 400, "bad_request");
            assertError(admin.client().get(path + "?cursor=bm90LWEtY3Vyc29y"), 400, "bad_request");
            assertThat(assertError(admin.client().get(path + "?limit=0"), 422, "validation_failed")).contains("limit");
            assertError(admin.client().get(path + "?limit=-5"), 422);
            assertError(admin.client().get(path + "?limit=501"), 422);
            assertError(admin.client().get(path + "?limit=ten"), 400);
            assertThat(admin.client().get(path + "?limit=500").status()).isEqualTo(200);
        }
    }

    @Test
    void cameraUrlsMustBeRtspWithAHost() {
        String before = theCamera().body();
        for (String url : new String[] {"http://192.0.2.20/stream", "file:///etc/passwd", "https://example.test/a",
                "rtsp:///only-a-path", "rtsp://", "rtsp:stream", "not a url at all", "ftp://192.0.2.20/x"}) {
            String detail = assertError(admin.client().post("/api/v1/cameras", camera("rtsp_url", url)), 422,
                    "validation_failed");
            assertThat(detail).as(url).contains("rtsp_url");
            detail = assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("rtsp_url", url)), 422);
            assertThat(detail).as(url).contains("rtsp_url");
        }
        String detail = assertError(admin.client().post("/api/v1/cameras", camera("rtsp_url", "http://192.0.2.20/s")),
                422);
        assertThat(detail).contains("rtsp://");
        assertError(admin.client().post("/api/v1/cameras", Map.of("name", "No URL", "source_type", "rtsp")), 422);
        assertNothingChanged(before);
    }

    @Test
    void credentialsGoEitherInTheUrlOrInTheFields() {
        String before = theCamera().body();
        String detail = assertError(admin.client().post("/api/v1/cameras", camera(
                "rtsp_url", "rtsp://viewer:secret@192.0.2.20/crane", "username", "viewer", "password", "secret")),
                422, "validation_failed");
        assertThat(detail).contains("rtsp_url").contains("username").doesNotContain("secret");
        assertError(admin.client().post("/api/v1/cameras", camera(
                "rtsp_url", "rtsp://viewer:secret@192.0.2.20/crane", "password", "other")), 422);
        assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of(
                "rtsp_url", "rtsp://viewer:secret@192.0.2.20/crane", "username", "viewer")), 422);
        assertNothingChanged(before);
    }

    @Test
    void frameRateMustBeBetweenAQuarterAndTwo() {
        String before = theCamera().body();
        for (double fps : new double[] {0.1, 3, 0, -1, 2.01, 0.24}) {
            String detail = assertError(admin.client().post("/api/v1/cameras", camera("target_fps", fps)), 422,
                    "validation_failed");
            assertThat(detail).as("fps " + fps).contains("target_fps");
            assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("target_fps", fps)), 422);
        }
        assertNothingChanged(before);
        for (double fps : new double[] {0.25, 2.0, 1.0}) {
            HttpResult ok = admin.client().put("/api/v1/cameras/" + cameraId, Map.of("target_fps", fps));
            assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
            assertThat(ok.json().path("target_fps").asDouble()).isEqualTo(fps);
        }
    }

    @Test
    void inferenceSizesArePresetsOrMultiplesOf32InRange() {
        String before = theCamera().body();
        for (int size : new int[] {700, 2000, 0, -640, 300, 1921, 1950}) {
            for (String field : new String[] {"inference_width", "inference_height"}) {
                String detail = assertError(admin.client().post("/api/v1/cameras", camera(field, size)), 422,
                        "validation_failed");
                assertThat(detail).as(field + " " + size).contains(field).contains("32");
                assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of(field, size)), 422);
            }
        }
        // A refused height in the same request as a valid width keeps the width too.
        assertError(admin.client().put("/api/v1/cameras/" + cameraId,
                Map.of("inference_width", 1280, "inference_height", 700)), 422);
        assertNothingChanged(before);
        for (int size : new int[] {720, 1088, 320, 1920, 640, 1080, 1280}) {
            HttpResult ok = admin.client().put("/api/v1/cameras/" + cameraId,
                    Map.of("inference_width", size, "inference_height", size));
            assertThat(ok.status()).as(size + ": " + ok).isEqualTo(200);
            assertThat(ok.json().path("inference_width").asInt()).isEqualTo(size);
            assertThat(ok.json().path("inference_height").asInt()).isEqualTo(size);
        }
    }

    @Test
    void zonePolygonsNeedThreePointsInsideTheImage() {
        String before = theCamera().body();
        List<List<Double>> twoPoints = List.of(List.of(0.1, 0.1), List.of(0.9, 0.9));
        List<List<Double>> outside = List.of(List.of(0.1, 0.1), List.of(1.5, 0.2), List.of(0.5, 0.9));
        List<List<Double>> negative = List.of(List.of(0.1, 0.1), List.of(0.5, -0.2), List.of(0.5, 0.9));
        List<List<Double>> threeCoordinates = List.of(List.of(0.1, 0.1, 0.1), List.of(0.5, 0.2), List.of(0.5, 0.9));
        for (List<List<Double>> polygon : List.of(twoPoints, outside, negative, threeCoordinates)) {
            String detail = assertError(admin.client().post("/api/v1/cameras",
                    camera("detection_mode", "zone", "zone_polygon", polygon)), 422, "validation_failed");
            assertThat(detail).as(polygon.toString()).contains("zone_polygon");
            assertError(admin.client().put("/api/v1/cameras/" + cameraId,
                    Map.of("detection_mode", "ppe+zone", "zone_polygon", polygon)), 422);
        }
        assertThat(assertError(admin.client().post("/api/v1/cameras", camera("zone_polygon", twoPoints)), 422))
                .contains("3 points");
        assertThat(assertError(admin.client().post("/api/v1/cameras", camera("zone_polygon", outside)), 422))
                .contains("between 0 and 1");
        assertNothingChanged(before);
    }

    @Test
    void zoneDetectionNeedsAPolygon() {
        String before = theCamera().body();
        for (String mode : new String[] {"zone", "ppe+zone"}) {
            String detail = assertError(admin.client().post("/api/v1/cameras", camera("detection_mode", mode)), 422,
                    "validation_failed");
            assertThat(detail).contains("zone_polygon").contains(mode);
            assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("detection_mode", mode)), 422);
            assertError(admin.client().put("/api/v1/cameras/" + cameraId,
                    Map.of("detection_mode", mode, "zone_polygon", List.of())), 422);
        }
        assertNothingChanged(before);

        List<List<Double>> square = List.of(List.of(0.1, 0.1), List.of(0.9, 0.1), List.of(0.9, 0.9), List.of(0.1, 0.9));
        HttpResult zoned = admin.client().put("/api/v1/cameras/" + cameraId,
                Map.of("detection_mode", "zone", "zone_polygon", square));
        assertThat(zoned.status()).as(zoned.toString()).isEqualTo(200);
        String zonedBefore = theCamera().body();
        // Removing the polygon of a zone camera is refused, and leaves the polygon in place.
        assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("zone_polygon", List.of())), 422);
        assertNothingChanged(zonedBefore);
        assertThat(theCamera().json().path("zone_polygon").size()).isEqualTo(4);
    }

    @Test
    void confidenceThresholdMustBeSensible() {
        String before = theCamera().body();
        for (double confidence : new double[] {0.01, 0.99, 0, 1, -0.5, 1.5}) {
            String detail = assertError(admin.client().post("/api/v1/cameras",
                    camera("confidence_threshold", confidence)), 422, "validation_failed");
            assertThat(detail).as("confidence " + confidence).contains("confidence_threshold");
            assertError(admin.client().put("/api/v1/cameras/" + cameraId,
                    Map.of("confidence_threshold", confidence)), 422);
        }
        assertNothingChanged(before);
        HttpResult ok = admin.client().put("/api/v1/cameras/" + cameraId, Map.of("confidence_threshold", 0.05));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        ok = admin.client().put("/api/v1/cameras/" + cameraId, Map.of("confidence_threshold", 0.95));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    }

    @Test
    void otherOutOfRangeFieldsAreRefused() {
        String before = theCamera().body();
        assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("name", "")), 422);
        assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("name", "n".repeat(121))), 422);
        assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("position_x", 1.2)), 422);
        assertError(admin.client().put("/api/v1/cameras/" + cameraId, Map.of("position_y", -0.1)), 422);
        assertError(admin.client().post("/api/v1/cameras", camera("name", "   ")), 422);
        assertError(admin.client().post("/api/v1/cameras", Map.of("name", "No type",
                "rtsp_url", "rtsp://192.0.2.20/x")), 422);
        assertNothingChanged(before);
    }

    @Test
    void theCameraLimitIsAConflict() {
        HttpResult lowered = admin.client().put("/api/v1/organization", Map.of("max_cameras", 2));
        assertThat(lowered.status()).as(lowered.toString()).isEqualTo(200);
        assertThat(admin.client().post("/api/v1/cameras", camera("name", "Second")).status()).isEqualTo(201);
        assertThat(cameras().size()).isEqualTo(2);

        String detail = assertError(admin.client().post("/api/v1/cameras", camera("name", "Third")), 409,
                "plan_limit");
        assertThat(detail).contains("2");
        assertThat(cameras().size()).isEqualTo(2);

        // The limit cannot be lowered below the cameras there are, and stays as it was.
        assertError(admin.client().put("/api/v1/organization", Map.of("max_cameras", 1)), 409, "plan_limit");
        assertThat(admin.client().get("/api/v1/organization").json().path("max_cameras").asInt()).isEqualTo(2);
        assertError(admin.client().put("/api/v1/organization", Map.of("max_cameras", 0)), 422);
        assertError(admin.client().put("/api/v1/organization", Map.of("max_cameras", 1_000_000)), 422);
        assertThat(admin.client().get("/api/v1/organization").json().path("max_cameras").asInt()).isEqualTo(2);
    }

    @Test
    void nonAdminsCannotConfigureCamerasAndChangeNothing() {
        String before = theCamera().body();
        Member manager = addMember(admin, Role.MANAGER);
        assertError(manager.client().post("/api/v1/cameras", camera()), 403, "forbidden");
        assertError(manager.client().put("/api/v1/cameras/" + cameraId, Map.of("name", "Mine")), 403);
        assertError(manager.client().delete("/api/v1/cameras/" + cameraId), 403);
        assertNothingChanged(before);
    }
}
