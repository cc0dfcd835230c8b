package io.hardhats.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeded generator of request parts for {@link ApiFuzzTest}: values that fit an OpenAPI schema,
 * values near its edges, and junk (wrong types, huge and odd text, extreme numbers, deep
 * nesting, malformed JSON, repeated keys). The same seed gives the same requests.
 */
final class FuzzValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> ODD_TEXT = List.of("", " ", "\t\n", "a", "\u0000", "name\u0000with nul",
            "ünïcödé ✓ 𝄞 中文 العربية", "\u202Eevil\u202C", "\uFEFF", "<script>alert(1)</script>",
            "' OR '1'='1' --", "\"; DROP TABLE users; --", "../../../../etc/passwd", "..%2f..%2f", "%00", "%",
            "${jndi:ldap://127.0.0.1/a}", "null", "true", "-1", "1e309", "NaN", "00000000-0000-0000-0000-000000000000",
            "not-a-uuid", "9999-99-99", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z", "2026-02-30", "admin", "ADMIN", "Operator", "rtsp://127.0.0.1:1/a",
            "rtsp://0x7f000001/a", "file:///etc/passwd", "http://192.0.2.1/latest/meta-data/", "@", "a@b",
            "x@example.test", "😀".repeat(300));

    private static final List<Object> ODD_NUMBERS = List.of(0, -1, 1, 2, 31, 32, 33, 319, 1921, Integer.MAX_VALUE,
            Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, new BigInteger("123456789012345678901234567890"),
            new BigDecimal("1e308"), new BigDecimal("-1e308"), new BigDecimal("1e400"), 0.0, -0.0, 0.25, 0.2499999,
            2.0000001, 1e-320, 0.5, 3.14159);

    private final Random random;
    private final List<String> knownIds;

    FuzzValues(long seed, List<String> knownIds) {
        this.random = new Random(seed);
        this.knownIds = knownIds;
    }

    /** An id nobody has (random, but from the seed). */
    String unknownId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A path segment: an id of this or another organisation, an unknown one, or no id at all. */
    String pathSegment() {
        String value = switch (random.nextInt(6)) {
            case 0, 1 -> pick(knownIds);
            case 2 -> unknownId();
            case 3 -> pick(ODD_TEXT);
            case 4 -> String.valueOf(pick(ODD_NUMBERS));
            default -> "x".repeat(1 + random.nextInt(3000));
        };
        return value.isEmpty() ? "%20" : encode(value);
    }

    /** A query string for the parameters; some left out, some odd, sometimes one nobody declared. */
    String query(JsonNode parameters, JsonNode components) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            if ("query".equals(parameter.path("in").asString()) && chance(0.6)) {
                Object value = chance(0.5) ? fitting(parameter.path("schema"), components, 0) : junk(0);
                String text = value instanceof String s ? s : JSON.writeValueAsString(value);
                pairs.add(encode(parameter.path("name").asString()) + "=" + encode(text));
            }
        }
        if (chance(0.1)) {
            pairs.add(encode(pick(ODD_TEXT)) + "=" + encode(pick(ODD_TEXT)));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** A request body for the schema (null: none): mostly an object, sometimes anything at all. */
    String body(JsonNode schema, JsonNode components) {
        int shape = random.nextInt(20);
        if (shape == 0) {
            return pick(List.of("", "{", "[1,", "nul", "{\"a\":}", "{'a': 1}", "\"text\"", "123", "[]", "null",
                    "{}{}", "{\"a\": 1} trailing", "\u0000", "{\"a\": \"\\ud800\"}", "{\"a\": \"\\u0000\"}"));
        }
        if (shape == 1) {
            int depth = pick(List.of(100, 600, 5000));
            return "[".repeat(depth) + "]".repeat(depth);
        }
        if (shape == 2) {
            return JSON.writeValueAsString(junk(0));
        }
        Map<String, JsonNode> properties = properties(schema, components);
        List<String> members = new ArrayList<>();
        List<String> names = new ArrayList<>(properties.keySet());
        for (String name : names) {
            if (chance(0.75)) {
                members.add(member(name, chance(0.65) ? fitting(properties.get(name), components, 0) : junk(0)));
            }
        }
        if (!names.isEmpty() && chance(0.12)) {
            String name = pick(names);
            members.add(member(name, fitting(properties.get(name), components, 0)));
        }
        if (chance(0.15)) {
            members.add(member(pick(List.of("id", "organization_id", "role", "is_admin", "password_hash",
                    "session_version", "created_at", pick(ODD_TEXT))), junk(0)));
        }
        if (chance(0.05)) {
            members.add(member("padding", "x".repeat(300_000)));
        }
        return "{" + String.join(", ", members) + "}";
    }

    String contentType() {
        return chance(0.85) ? "application/json" : pick(List.of("*/*", "application/*", "text/plain", "text/html",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
                "application/json; charset=utf-16", "application/json; charset=nonsense", "application/json;;",
                "not a media type", "application/merge-patch+json"));
    }

    private static String member(String name, Object value) {
        return JSON.writeValueAsString(name) + ": " + JSON.writeValueAsString(value);
    }

    private Map<String, JsonNode> properties(JsonNode schema, JsonNode components) {
        JsonNode resolved = resolve(schema, components);
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        if (resolved != null) {
            for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
                properties.put(snakeCase(property.getKey()), property.getValue());
            }
        }
        return properties;
    }

    /** A value of the schema's type, sometimes at or just past its edges. */
    private Object fitting(JsonNode schema, JsonNode components, int depth) {
        JsonNode resolved = resolve(schema, components);
        if (resolved == null || depth > 4) {
            return junk(depth);
        }
        if (resolved.has("enum")) {
            List<String> values = new ArrayList<>();
            resolved.path("enum").forEach(value -> values.add(value.asString()));
            return chance(0.8) ? pick(values) : pick(values).toUpperCase();
        }
        String format = resolved.path("format").asString("");
        return switch (resolved.path("type").asString("")) {
            case "string" -> switch (format) {
                case "uuid" -> chance(0.5) ? pick(knownIds) : unknownId();
                case "date-time" -> chance(0.7) ? Instant.now().minusSeconds(random.nextInt(1_000_000)).toString()
                        : pick(List.of("+999999999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "2026-13-01T00:00:00Z"));
                case "date" -> chance(0.7) ? LocalDate.now().minusDays(random.nextInt(400)).toString()
                        : pick(List.of("+999999999-12-31", "0000-01-01", "2026-02-30"));
                case "email" -> "fuzz-" + random.nextInt(1_000_000) + "@example.test";
                default -> chance(0.7) ? "Fuzz " + random.nextInt(1000) : pick(ODD_TEXT);
            };
            case "integer" -> chance(0.7) ? pick(List.of(1, 2, 5, 50, 320, 640, 1080, 1280, 1920)) : pick(ODD_NUMBERS);
            case "number" -> chance(0.7) ? pick(List.of(0.05, 0.25, 0.5, 1.0, 2.0, 0.95)) : pick(ODD_NUMBERS);
            case "boolean" -> random.nextBoolean();
            case "array" -> {
                List<Object> items = new ArrayList<>();
                int size = chance(0.9) ? random.nextInt(5) : 200;
                for (int i = 0; i < size; i++) {
                    items.add(fitting(resolved.path("items"), components, depth + 1));
                }
                yield items;
            }
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                properties(resolved, components).forEach((name, property) -> object.put(name,
                        fitting(property, components, depth + 1)));
                if (object.isEmpty() && chance(0.5)) {
                    object.put(pick(ODD_TEXT), junk(depth + 1));
                }
                yield object;
            }
            default -> junk(depth);
        };
    }

    /** Anything that JSON can say, mostly not what a field expects. */
    private Object junk(int depth) {
        int kind = random.nextInt(depth > 3 ? 4 : 7);
        return switch (kind) {
            case 0 -> pick(ODD_TEXT);
            case 1 -> pick(ODD_NUMBERS);
            case 2 -> pick(List.of(true, false));
            case 3 -> chance(0.2) ? "x".repeat(10_000 + random.nextInt(100_000)) : null;
            case 4 -> Arrays.asList(junk(depth + 1), junk(depth + 1));
            case 5 -> {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put(pick(ODD_TEXT), junk(depth + 1));
                yield object;
            }
            default -> List.of();
        };
    }

    private static JsonNode resolve(JsonNode schema, JsonNode components) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return null;
        }
        String ref = schema.path("$ref").asString("");
        if (!ref.isEmpty()) {
            return components.path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf")) {
            JsonNode first = schema.has("allOf") ? schema.path("allOf") : schema.has("oneOf")
                    ? schema.path("oneOf") : schema.path("anyOf");
            return resolve(first.path(0), components);
        }
        return schema;
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
