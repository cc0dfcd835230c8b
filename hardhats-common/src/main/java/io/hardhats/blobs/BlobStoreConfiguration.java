package io.hardhats.blobs;

import io.hardhats.tenancy.TenantTransactions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The one {@link BlobStore} of the process, chosen by {@code BLOB_STORE}. */
@Configuration(proxyBeanMethods = false)
public class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(BlobStoreProperties properties, JdbcClient jdbc, TenantTransactions transactions) {
        return switch (properties.type()) {
            case POSTGRES -> new PostgresBlobStore(jdbc, transactions);
            case S3 -> {
                // The bucket first: without one, no client need be built (nor its region found).
                String bucket = requireBucket(properties.s3());
                yield new S3BlobStore(s3Client(properties.s3()), bucket, jdbc);
            }
        };
    }

    /** Built here rather than as a bean, so a process on the default store never configures an S3 client. */
    static S3Client s3Client(BlobStoreProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        } else if (settings.endpoint() != null) {
            // Requests are signed for a region even where the server ignores it.
            builder.region(Region.US_EAST_1);
        }
        if (settings.endpoint() != null) {
            // Servers other than AWS understand path-style addresses, and many refuse the SDK's
            // default trailing checksums (a 400 on every upload), so checksums only where required.
            builder.endpointOverride(settings.endpoint()).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        builder.credentialsProvider(settings.hasStaticCredentials()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                : DefaultCredentialsProvider.builder().build());
        return builder.build();
    }

    private static String requireBucket(BlobStoreProperties.S3 settings) {
        if (settings.bucket() == null) {
            throw new IllegalStateException("BLOB_STORE=s3 needs S3_BUCKET (and S3_REGION, or S3_ENDPOINT for a "
                    + "non-AWS server)");
        }
        return settings.bucket();
    }
}
