package io.hardhats.cameras;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hardhats.TestDatabase;
import io.hardhats.crypto.CredentialCipher;
import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.users.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * RTSP credentials are taken out of URLs, kept only as Fernet tokens and never shown again;
 * the write-only username/password fields change them piece by piece.
 */
class CredentialsTest extends ApiTest {

    @Autowired
    private CredentialCipher cipher;

    private Member admin;
    private final List<HttpResult> answers = new ArrayList<>();

    @BeforeEach
    void organisation() {
        admin = register("Credentials Corp");
    }

    private HttpResult remember(HttpResult result) {
        answers.add(result);
        return result;
    }

    /** The stored column as it is in the database, read past the application (and its tenancy). */
    private static String storedCredentials(UUID cameraId) {
        try (Connection connection = DriverManager.getConnection(TestDatabase.url());
                PreparedStatement query = connection.prepareStatement(
                        "SELECT credentials_encrypted, rtsp_url FROM cameras WHERE id = ?")) {
            query.setObject(1, cameraId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("camera row " + cameraId).isTrue();
                assertThat(row.getString("rtsp_url")).doesNotContain("@");
                return row.getString("credentials_encrypted");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertStored(UUID cameraId, String plaintext) {
        String token = storedCredentials(cameraId);
        assertThat(token).as("a Fernet token (version byte 0x80)").startsWith("gAAAAA");
        assertThat(token).doesNotContain(plaintext);
        assertThat(cipher.decrypt(token)).isEqualTo(plaintext);
    }

    private void assertNoAnswerContains(String... secrets) {
        answers.add(admin.client().get("/api/v1/cameras"));
        answers.add(admin.client().get("/api/v1/audit-logs?limit=500"));
        for (HttpResult answer : answers) {
            for (String secret : secrets) {
                assertThat(answer.body()).as("answer " + answer).doesNotContain(secret);
            }
        }
    }

    private UUID create(Map<String, Object> body) {
        HttpResult created = remember(admin.client().post("/api/v1/cameras", body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    @Test
    void credentialsInTheUrlAreMovedOutAndEncrypted() {
        HttpResult created = remember(admin.client().post("/api/v1/cameras", Map.of("name", "Gate", "source_type", "rtsp",
                "rtsp_url", "rtsp://gatekeeper:Sup3r-Secret-Pw@192.0.2.30:554/live/main?channel=1")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.text("id"));

        assertThat(created.text("rtsp_url")).isEqualTo("rtsp://192.0.2.30:554/live/main?channel=1");
        assertThat(created.json().path("has_credentials").asBoolean()).isTrue();
        assertThat(created.json().has("username")).isFalse();
        assertThat(created.json().has("password")).isFalse();
        assertThat(created.json().has("credentials_encrypted")).isFalse();
        assertStored(id, "gatekeeper:Sup3r-Secret-Pw");

        HttpResult read = remember(admin.client().get("/api/v1/cameras/" + id));
        assertThat(read.text("rtsp_url")).isEqualTo("rtsp://192.0.2.30:554/live/main?channel=1");
        assertThat(read.json().path("has_credentials").asBoolean()).isTrue();
        Member operator = addMember(admin, Role.OPERATOR);
        remember(operator.client().get("/api/v1/cameras/" + id));
        remember(operator.client().get("/api/v1/cameras"));
        assertNoAnswerContains("Sup3r-Secret-Pw", "gatekeeper", storedCredentials(id));
    }

    @Test
    void percentEncodedUserInfoIsDecodedBeforeEncryption() {
        UUID id = create(Map.of("name", "Encoded", "source_type", "rtsp",
                "rtsp_url", "rtsps://site%40admin:p%3Ass%2Fw0rd+x@cam.example.test/stream"));
        assertStored(id, "site@admin:p:ss/w0rd+x");
        HttpResult read = remember(admin.client().get("/api/v1/cameras/" + id));
        assertThat(read.text("rtsp_url")).isEqualTo("rtsps://cam.example.test/stream");
        assertNoAnswerContains("p%3Ass", "p:ss/w0rd", "site%40admin", "site@admin");
    }

    @Test
    void credentialFieldsAreEncryptedAndNeverReturned() {
        UUID id = create(Map.of("name", "Crane", "source_type", "rtsp", "rtsp_url", "rtsp://192.0.2.31/crane",
                "username", "craneop", "password", "Field-Pass-42"));
        assertStored(id, "craneop:Field-Pass-42");
        HttpResult read = remember(admin.client().get("/api/v1/cameras/" + id));
        assertThat(read.text("rtsp_url")).isEqualTo("rtsp://192.0.2.31/crane");
        assertThat(read.json().path("has_credentials").asBoolean()).isTrue();
        assertNoAnswerContains("Field-Pass-42", "craneop");
    }

    @Test
    void changingOnlyThePasswordKeepsTheUsername() {
        UUID id = create(Map.of("name", "Yard", "source_type", "rtsp",
                "rtsp_url", "rtsp://yarduser:Old-Pass-1@192.0.2.32/yard"));
        HttpResult updated = remember(admin.client().put("/api/v1/cameras/" + id, Map.of("password", "New-Pass-2")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("has_credentials").asBoolean()).isTrue();
        assertStored(id, "yarduser:New-Pass-2");

        updated = remember(admin.client().put("/api/v1/cameras/" + id, Map.of("username", "yardboss")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertStored(id, "yardboss:New-Pass-2");

        // A new URL without user info changes the address and keeps the stored credentials.
        updated = remember(admin.client().put("/api/v1/cameras/" + id, Map.of("rtsp_url", "rtsp://192.0.2.33/yard2")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("rtsp_url")).isEqualTo("rtsp://192.0.2.33/yard2");
        assertStored(id, "yardboss:New-Pass-2");

        // A new URL with user info replaces them.
        updated = remember(admin.client().put("/api/v1/cameras/" + id,
                Map.of("rtsp_url", "rtsp://other:Url-Pass-3@192.0.2.33/yard2")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("rtsp_url")).isEqualTo("rtsp://192.0.2.33/yard2");
        assertStored(id, "other:Url-Pass-3");

        // Other edits leave them alone.
        updated = remember(admin.client().put("/api/v1/cameras/" + id, Map.of("name", "Yard East")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertStored(id, "other:Url-Pass-3");
        assertNoAnswerContains("Old-Pass-1", "New-Pass-2", "Url-Pass-3", "yarduser", "yardboss");
    }

    @Test
    void anEmptyUsernameRemovesTheCredentials() {
        UUID id = create(Map.of("name", "Dock", "source_type", "rtsp", "rtsp_url", "rtsp://192.0.2.34/dock",
                "username", "dockuser", "password", "Dock-Pass-5"));
        assertStored(id, "dockuser:Dock-Pass-5");

        HttpResult updated = remember(admin.client().put("/api/v1/cameras/" + id, Map.of("username", "")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("has_credentials").asBoolean()).isFalse();
        assertThat(storedCredentials(id)).isNull();
        assertThat(remember(admin.client().get("/api/v1/cameras/" + id)).json().path("has_credentials").asBoolean())
                .isFalse();
        assertNoAnswerContains("Dock-Pass-5", "dockuser");
    }

    @Test
    void aCameraWithoutCredentialsHasNone() {
        UUID id = create(Map.of("name", "Open", "source_type", "rtsp", "rtsp_url", "rtsp://192.0.2.35/open"));
        assertThat(storedCredentials(id)).isNull();
        assertThat(admin.client().get("/api/v1/cameras/" + id).json().path("has_credentials").asBoolean()).isFalse();
    }

    @Test
    void aUsernameWithAColonIsRefusedAndChangesNothing() {
        UUID id = create(Map.of("name", "Colon", "source_type", "rtsp", "rtsp_url", "rtsp://192.0.2.36/c",
                "username", "first", "password", "Colon-Pass-6"));
        HttpResult refused = remember(admin.client().put("/api/v1/cameras/" + id,
                Map.of("username", "a:b", "password", "Other-Pass-7")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertStored(id, "first:Colon-Pass-6");
        assertNoAnswerContains("Colon-Pass-6", "Other-Pass-7");
    }
}
