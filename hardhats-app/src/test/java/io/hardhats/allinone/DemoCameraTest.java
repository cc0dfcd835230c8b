package io.hardhats.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.blobs.BlobStore;
import io.hardhats.cameras.CameraRepository;
import io.hardhats.tenancy.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * All-in-one mode: registering gives the new organisation a demo camera whose placeholder video
 * is the demo clip, stored in PostgreSQL so any worker can play it. The fleet is off here: this
 * test is about the camera, not about playing it.
 */
@SpringBootTest(classes = HardhatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hardhats.role=all", "hardhats.fleet.enabled=false", "hardhats.cookie-secure=false",
                "hardhats.secret-key=test-only-signing-key-0123456789-abcdefghij",
                "hardhats.encryption-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class DemoCameraTest {

    private static final Path CLIP = createClip();

    @LocalServerPort
    int port;

    @Autowired
    BlobStore blobs;

    @Autowired
    JsonMapper json;

    @Autowired
    CameraRepository cameraRepository;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
        registry.add("hardhats.demo.video", CLIP::toString);
    }

    private static Path createClip() {
        try {
            Path clip = Files.createTempFile("demo", ".mp4");
            Files.write(clip, "not really a video, but bytes to store".getBytes());
            return clip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aNewOrganisationGetsADemoCameraPlayingTheClip() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String email = "demo-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(base("/api/v1/auth/register")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"organization_name\":\"Demo Builders\",\"email\":\"" + email
                        + "\",\"password\":\"Correct-Horse-7\",\"full_name\":\"Dee\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String cookie = registered.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        UUID organizationId = UUID.fromString(json.readTree(registered.body()).path("organization").path("id").asString());

        HttpResponse<String> cameras = http.send(HttpRequest.newBuilder(URI.create(base("/api/v1/cameras")))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode list = json.readTree(cameras.body());
        assertThat(list.size()).isEqualTo(1);
        JsonNode demo = list.get(0);
        assertThat(demo.path("source_type").asString()).isEqualTo("file");
        assertThat(demo.path("use_placeholder").asBoolean()).isTrue();
        assertThat(demo.path("has_placeholder_video").asBoolean()).isTrue();

        UUID video = placeholderOf(organizationId, demo);
        byte[] stored = TenantContext.callAs(organizationId, () -> blobs.read(video)).orElseThrow().bytes();
        assertThat(stored).isEqualTo(Files.readAllBytes(CLIP));
    }

    private UUID placeholderOf(UUID organizationId, JsonNode camera) {
        return TenantContext.callAs(organizationId, () -> cameraRepository.findById(
                UUID.fromString(camera.path("id").asString())).orElseThrow().getPlaceholderVideo());
    }

    private String base(String path) {
        return "http://localhost:" + port + path;
    }
}
