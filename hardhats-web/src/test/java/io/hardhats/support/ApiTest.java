package io.hardhats.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.hardhats.HardhatsApplication;
import io.hardhats.TestDatabase;
import io.hardhats.users.Role;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web service as deployed (HARDHATS_ROLE=web), on a random port, against a real PostgreSQL.
 * Every test class extending this shares one application context and one database; tests create
 * their own organisations so they never see each other's data.
 */
@SpringBootTest(classes = HardhatsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "hardhats.role=web",
                "hardhats.secret-key=" + ApiTest.SECRET_KEY,
                "hardhats.encryption-key=" + ApiTest.ENCRYPTION_KEY,
                "hardhats.rate-limit.per-ip=100000",
                "hardhats.rate-limit.per-email=100000",
                "hardhats.rate-limit.per-email-global=100000",
                // The test's HTTP client plays the proxy in front of the service.
                "hardhats.forwarded.trusted-proxies=127.0.0.1/32,::1/128",
                // Tests open up to 50 streams in one sign-in; StreamQuotaTest fills both shares.
                "hardhats.streams.per-session=50",
                "hardhats.streams.per-organization=60",
                "hardhats.sse-heartbeat-ms=1000"})
public abstract class ApiTest {

    public static final String SECRET_KEY = "test-only-signing-key-0123456789-abcdefghij";
    public static final String ENCRYPTION_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    public static final String PASSWORD = "Correct-Horse-7";

    /** A signed-in person of one organisation. */
    public record Member(ApiClient client, UUID userId, UUID organizationId, String email, Role role) {
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("hardhats.database-url", TestDatabase::url);
    }

    protected ApiClient client() {
        return new ApiClient(port);
    }

    protected static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    /** Registers a new organisation and answers its signed-in admin. */
    protected Member register(String organizationName) {
        ApiClient client = client();
        String email = uniqueEmail("admin");
        HttpResult result = client.post("/api/v1/auth/register", Map.of("organization_name", organizationName,
                "email", email, "password", PASSWORD, "full_name", "Ada Admin"));
        assertThat(result.status()).as(result.toString()).isEqualTo(201);
        return new Member(client, UUID.fromString(result.json().path("user").path("id").asString()),
                UUID.fromString(result.json().path("organization").path("id").asString()), email, Role.ADMIN);
    }

    /** Has the admin create a member with the role, then signs that member in. */
    protected Member addMember(Member admin, Role role) {
        String email = uniqueEmail(role.wire());
        HttpResult created = admin.client().post("/api/v1/users", Map.of("email", email, "password", PASSWORD,
                "full_name", "Member " + role.wire(), "role", role.wire()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ApiClient client = client();
        HttpResult login = client.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return new Member(client, UUID.fromString(created.text("id")), admin.organizationId(), email, role);
    }

    /** Creates an RTSP camera as the admin and answers its id. */
    protected UUID createCamera(Member admin, String name) {
        HttpResult created = admin.client().post("/api/v1/cameras", Map.of("name", name, "source_type", "rtsp",
                "rtsp_url", "rtsp://192.0.2.10:554/" + name.toLowerCase().replace(' ', '-')));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }
}
