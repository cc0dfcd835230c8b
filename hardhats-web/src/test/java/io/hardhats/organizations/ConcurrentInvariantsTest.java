package io.hardhats.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import io.hardhats.support.ApiTest;
import io.hardhats.support.HttpResult;
import io.hardhats.users.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every rule that a request checks before it writes, attacked by many real HTTP requests released
 * at the same moment, several times over: the rule must hold however they interleave.
 */
class ConcurrentInvariantsTest extends ApiTest {

    private static final int TRIALS = 4;
    private static final int THREADS = 12;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS);

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Test
    void adminsRemovingEachOtherAtOnceLeaveOneAdmin() {
        for (int trial = 0; trial < TRIALS; trial++) {
            Member first = register("Last Admin " + trial);
            List<Member> admins = new ArrayList<>(List.of(first));
            for (int i = 1; i < 6; i++) {
                admins.add(addMember(first, Role.ADMIN));
            }
            int n = admins.size();
            // Each admin removes the next one, by demotion, deactivation through PUT, or DELETE.
            List<HttpResult> results = race(n, i -> {
                Member actor = admins.get(i);
                String target = "/api/v1/users/" + admins.get((i + 1) % n).userId();
                return switch (i % 3) {
                    case 0 -> actor.client().put(target, Map.of("role", "operator"));
                    case 1 -> actor.client().put(target, Map.of("is_active", false));
                    default -> actor.client().delete(target);
                };
            });
            assertThat(results).allSatisfy(result -> assertThat(result.status()).as(result.toString())
                    .isIn(200, 204, 401, 403, 409));
            long removed = results.stream().filter(result -> result.status() / 100 == 2).count();
            assertThat(removed).as("trial %d: %s", trial, results).isLessThan(n);

            Member survivor = admins.stream().filter(admin -> admin.client().get("/api/v1/users").status() == 200)
                    .findFirst().orElseThrow(() -> new AssertionError("no admin left: " + results));
            long activeAdmins = 0;
            for (JsonNode user : survivor.client().get("/api/v1/users").json()) {
                if (user.path("role").asString().equals("admin") && user.path("is_active").asBoolean()) {
                    activeAdmins++;
                }
            }
            assertThat(activeAdmins).as("trial %d", trial).isEqualTo(n - removed).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void concurrentCamerasNeverExceedMaxCameras() {
        for (int trial = 0; trial < TRIALS; trial++) {
            Member admin = register("Camera Limit " + trial);
            assertThat(admin.client().put("/api/v1/organization", Map.of("max_cameras", 5)).status()).isEqualTo(200);

            List<HttpResult> results = race(THREADS, i -> admin.client().post("/api/v1/cameras", Map.of(
                    "name", "Gate " + i, "source_type", "rtsp", "rtsp_url", "rtsp://192.0.2.10:554/gate" + i)));

            assertThat(count(results, 201)).as("trial %d: %s", trial, results).isEqualTo(5);
            assertThat(results).filteredOn(result -> result.status() != 201)
                    .allSatisfy(result -> assertThat(result.text("error")).isEqualTo("plan_limit"));
            assertThat(admin.client().get("/api/v1/cameras").json().size()).isEqualTo(5);
        }
    }

    @Test
    void concurrentUsersNeverExceedMaxUsers() {
        for (int trial = 0; trial < TRIALS; trial++) {
            Member admin = register("User Limit " + trial);
            assertThat(admin.client().put("/api/v1/organization", Map.of("max_users", 4)).status()).isEqualTo(200);

            List<HttpResult> results = race(THREADS, i -> admin.client().post("/api/v1/users", Map.of(
                    "email", uniqueEmail("crowd"), "password", PASSWORD, "full_name", "Crowd " + i,
                    "role", "operator")));

            assertThat(count(results, 201)).as("trial %d: %s", trial, results).isEqualTo(3);
            assertThat(results).filteredOn(result -> result.status() != 201)
                    .allSatisfy(result -> assertThat(result.text("error")).isEqualTo("plan_limit"));
            assertThat(admin.client().get("/api/v1/users").json().size()).isEqualTo(4);
        }
    }

    @Test
    void limitsAreNeverLoweredBelowWhatConcurrentCreationsAdd() {
        for (int trial = 0; trial < TRIALS; trial++) {
            Member admin = register("Lowering " + trial);
            createCamera(admin, "First");
            createCamera(admin, "Second");
            String email = uniqueEmail("second");

            // Half the requests add cameras and a user, the other half lower both limits to what exists now.
            List<HttpResult> results = race(THREADS, i -> switch (i % 4) {
                case 0 -> admin.client().put("/api/v1/organization", Map.of("max_cameras", 2, "max_users", 1));
                case 1 -> admin.client().put("/api/v1/organization", Map.of("max_cameras", 2));
                case 2 -> admin.client().post("/api/v1/cameras", Map.of("name", "More " + i,
                        "source_type", "rtsp", "rtsp_url", "rtsp://192.0.2.10:554/more" + i));
                default -> admin.client().post("/api/v1/users", Map.of("email", i + email,
                        "password", PASSWORD, "full_name", "More " + i, "role", "operator"));
            });
            assertThat(results).allSatisfy(result -> assertThat(result.status()).as(result.toString())
                    .isIn(200, 201, 409));

            JsonNode organization = admin.client().get("/api/v1/organization").json();
            int cameras = admin.client().get("/api/v1/cameras").json().size();
            int users = admin.client().get("/api/v1/users").json().size();
            assertThat(cameras).as("trial %d: %s", trial, results)
                    .isLessThanOrEqualTo(organization.path("max_cameras").asInt());
            assertThat(users).as("trial %d: %s", trial, results)
                    .isLessThanOrEqualTo(organization.path("max_users").asInt());
        }
    }

    @Test
    void oneEMailMakesOneAccountHoweverManyAskAtOnce() {
        for (int trial = 0; trial < TRIALS; trial++) {
            Member admin = register("Same Mail " + trial);
            Member other = register("Other Mail " + trial);
            String email = uniqueEmail("twin");
            List<HttpResult> results = race(THREADS, i -> switch (i % 3) {
                case 0 -> admin.client().post("/api/v1/users", Map.of("email", email, "password", PASSWORD,
                        "full_name", "Twin " + i, "role", "operator"));
                case 1 -> other.client().post("/api/v1/users", Map.of("email", email.toUpperCase(),
                        "password", PASSWORD, "full_name", "Twin " + i, "role", "manager"));
                default -> client().post("/api/v1/auth/register", Map.of("organization_name", "Twin Org " + i,
                        "email", email, "password", PASSWORD, "full_name", "Twin " + i));
            });

            assertThat(count(results, 201)).as("trial %d: %s", trial, results).isEqualTo(1);
            assertThat(results).filteredOn(result -> result.status() != 201)
                    .allSatisfy(result -> assertThat(result.text("error")).as(result.toString())
                            .isEqualTo("email_taken"));
        }
    }

    @Test
    void organisationsRegisteredAtOnceUnderOneNameGetDistinctSlugs() {
        for (int trial = 0; trial < TRIALS; trial++) {
            String name = "Same Name " + UUID.randomUUID().toString().substring(0, 8);
            List<HttpResult> results = race(THREADS, i -> client().post("/api/v1/auth/register", Map.of(
                    "organization_name", name, "email", uniqueEmail("slug"), "password", PASSWORD,
                    "full_name", "Founder " + i)));

            assertThat(count(results, 201)).as("trial %d: %s", trial, results).isEqualTo(THREADS);
            Set<String> slugs = new HashSet<>();
            results.forEach(result -> slugs.add(result.json().path("organization").path("slug").asString()));
            assertThat(slugs).hasSize(THREADS);
        }
    }

    /** Runs the requests on parallel threads, all released by one latch, and answers their results in order. */
    private static List<HttpResult> race(int requests, IntFunction<HttpResult> request) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResult>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int index = i;
            futures.add(POOL.submit(() -> {
                start.await();
                return request.apply(index);
            }));
        }
        start.countDown();
        List<HttpResult> results = new ArrayList<>();
        for (Future<HttpResult> future : futures) {
            try {
                results.add(future.get());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return results;
    }

    private static long count(List<HttpResult> results, int status) {
        return results.stream().filter(result -> result.status() == status).count();
    }
}
