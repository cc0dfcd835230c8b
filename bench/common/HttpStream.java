package common;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/** A long-lived response body parsed as it arrives (see {@link BenchApi#open}); remembers its status and first error. */
public abstract class HttpStream implements Flow.Subscriber<List<ByteBuffer>> {

    volatile int status;
    private volatile String error;
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    /** The response status; 0 until the headers arrived. */
    public int status() {
        return status;
    }

    /** The first failure of the exchange, or null. */
    public String error() {
        return error;
    }

    /** True once the exchange failed or answered anything but 200. */
    public boolean failed() {
        return error != null || (status != 0 && status != 200);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onError(Throwable t) {
        failed(t);
    }

    @Override
    public void onComplete() {
    }

    void failed(Throwable t) {
        // closing the stream ourselves ends the exchange with an exception too: not a failure
        if (error == null && !cancelled) {
            error = t.toString();
        }
    }

    /** Closes the connection from this side. */
    public void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
