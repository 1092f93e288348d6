package bj.gouv.masm.shared;

import java.io.IOException;

/**
 * Thrown by the request body stream of {@code security.RequestSizeLimitFilter} once more than the cap has
 * been read; {@link ApiExceptionHandler} answers 413 when it is the cause of an unreadable body.
 */
public class RequestTooLargeException extends IOException {

    public RequestTooLargeException() {
        super("request body over the limit");
    }

    /** True when {@code e} or one of its causes is this exception. */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
