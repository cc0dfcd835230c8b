package io.hardhats.blobs;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where blob bytes live: {@code postgres} (the default) or {@code s3}, an S3-compatible bucket.
 *
 * @param s3 read only when {@code type} is {@code s3}
 */
@ConfigurationProperties(prefix = "hardhats.blob-store")
public record BlobStoreProperties(Type type, S3 s3) {

    public enum Type {
        POSTGRES, S3
    }

    /**
     * The bucket. Without {@code accessKey} and {@code secretKey} the SDK's default chain finds the
     * credentials (its environment variables, profile files, an instance role). With an
     * {@code endpoint} (MinIO, R2, s3proxy...) objects are addressed by path, which every such
     * server understands.
     */
    public record S3(String bucket, String region, URI endpoint, String accessKey, String secretKey) {

        public S3 {
            bucket = blankToNull(bucket);
            endpoint = endpoint == null || endpoint.toString().isBlank() ? null : endpoint;
            region = blankToNull(region);
            accessKey = blankToNull(accessKey);
            secretKey = blankToNull(secretKey);
        }

        public boolean hasStaticCredentials() {
            return accessKey != null && secretKey != null;
        }

        /** Never prints the secret key, so the settings can be logged. */
        @Override
        public String toString() {
            return "S3[bucket=" + bucket + ", region=" + region + ", endpoint=" + endpoint
                    + ", static credentials=" + hasStaticCredentials() + "]";
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    public BlobStoreProperties {
        type = type == null ? Type.POSTGRES : type;
        s3 = s3 == null ? new S3(null, null, null, null, null) : s3;
    }
}
