package io.hardhats.web;

import java.io.IOException;

/** Thrown while reading a body that outgrows the limit of {@link RequestSizeLimitFilter}. */
public class RequestTooLargeException extends IOException {

    public RequestTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
