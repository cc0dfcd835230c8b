package io.hardhats.blobs;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** What every store answers from the {@code blobs} row alone, whatever holds the bytes. */
abstract class RowBackedBlobStore implements BlobStore {

    final BlobRows rows;

    RowBackedBlobStore(JdbcClient jdbc) {
        this.rows = new BlobRows(jdbc);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<BlobInfo> info(UUID id) {
        return rows.find(id).map(row -> new BlobInfo(row.contentType(), row.size()));
    }
}
