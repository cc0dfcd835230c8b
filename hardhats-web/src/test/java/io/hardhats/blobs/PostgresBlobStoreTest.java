package io.hardhats.blobs;

import org.springframework.beans.factory.annotation.Autowired;

/** The default store, as the application wires it. */
class PostgresBlobStoreTest extends BlobStoreContract {

    @Autowired
    BlobStore store;

    @Override
    BlobStore store() {
        return store;
    }
}
