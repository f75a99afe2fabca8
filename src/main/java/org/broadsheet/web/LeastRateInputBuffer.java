package org.broadsheet.web;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.Semaphore;
import org.apache.coyote.ActionCode;
import org.apache.coyote.BadRequestException;
import org.apache.coyote.InputBuffer;
import org.apache.coyote.Request;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.jspecify.annotations.Nullable;

/**
 * One request's body as Tomcat reads it, with a least data rate: in place of the request's own
 * {@link InputBuffer} (Tomcat's form parameters, multipart parts, {@code getInputStream} and
 * {@code getReader} all read through it). The clock starts at the first read, not when the
 * headers came, so that a client waiting for {@code 100 Continue} is not counted late. Once the
 * grace has passed, a body whose bytes so far are fewer than the least rate allows is cut off, and
 * so is one that sent nothing for the grace (Tomcat's upload timeout, set to it, ends the read): the
 * rest of it is not swallowed, the read fails as a bad request (as a timeout, Tomcat would close
 * a connection whose form it was parsing at once, with no answer at all; {@link SlowBodies} makes
 * the answer a 408), the connection is closed after the answer, and the request thread is free. A
 * body whose last byte has come is never cut off.
 *
 * <p>With a bound on waiting readers ({@code waiting}), a read that would wait for bytes not yet
 * here first takes a permit, and keeps it until the body is whole or the request ends ({@link
 * #release}); when none is left the body is refused at once ({@link #wasRefused}), the connection
 * closed after the answer, so that clients trickling bodies cannot hold more than that many request
 * threads. A body that is all in Tomcat's buffer when it is read takes no permit. Not thread-safe: a
 * body is read by one thread at a time.
 */
final class LeastRateInputBuffer implements InputBuffer {

    /** Told once when a body is cut off. */
    interface CutOff {
        void cut(long bytes, long nanos);
    }

    private final Request request;
    private final InputBuffer body;
    private final double bytesPerNano;
    private final long graceNanos;
    private final CutOff cutOff;
    private final @Nullable Semaphore waiting;
    private long started;
    private long received;
    private boolean cut;
    private boolean refused;
    private boolean permit;

    LeastRateInputBuffer(
            Request request, long bytesPerSecond, long graceNanos, @Nullable Semaphore waiting, CutOff cutOff) {
        this.request = request;
        this.waiting = waiting;
        this.body = request.getInputBuffer();
        this.bytesPerNano = bytesPerSecond / 1e9;
        this.graceNanos = graceNanos;
        this.cutOff = cutOff;
    }

    /** Whether this body was cut off. */
    boolean wasCut() {
        return cut;
    }

    /** Whether this body was refused: too many request threads were waiting for bodies already. */
    boolean wasRefused() {
        return refused;
    }

    /** Gives back the permit to wait, if this body holds one; for when the request ends. */
    void release() {
        if (permit) {
            permit = false;
            waiting.release();
        }
    }

    /** The buffer this one stands in for, to be put back when the request ends. */
    InputBuffer original() {
        return body;
    }

    @Override
    public int doRead(ApplicationBufferHandler handler) throws IOException {
        if (cut) { // whoever reads again gets the same answer, without waiting for more bytes
            throw tooSlow();
        }
        if (refused) {
            throw tooMany();
        }
        if (waiting != null && !permit && !complete() && body.available() <= 0) { // it would wait for the client
            if (!waiting.tryAcquire()) {
                throw refuse();
            }
            permit = true;
        }
        if (started == 0) {
            started = System.nanoTime();
        }
        int n;
        try {
            n = body.doRead(handler);
        } catch (SocketTimeoutException silence) { // Tomcat's upload timeout: nothing came for the grace
            throw cut(System.nanoTime() - started);
        }
        if (n > 0) {
            received += n;
        }
        if (n < 0 || complete()) {
            release();
        }
        long elapsed = System.nanoTime() - started;
        if (n >= 0 && !complete() && elapsed > graceNanos && received < bytesPerNano * elapsed) {
            throw cut(elapsed);
        }
        return n;
    }

    private BadRequestException cut(long elapsed) {
        cut = true;
        request.action(ActionCode.DISABLE_SWALLOW_INPUT, null); // the connection closes after the 408
        cutOff.cut(received, elapsed);
        return tooSlow();
    }

    private BadRequestException refuse() {
        refused = true;
        request.action(ActionCode.DISABLE_SWALLOW_INPUT, null); // the connection closes after the 503
        return tooMany();
    }

    private static BadRequestException tooMany() {
        return new BadRequestException("Too many request bodies are on their way already");
    }

    private BadRequestException tooSlow() {
        return new BadRequestException(
                "The request body came slower than " + Math.round(bytesPerNano * 1e9) + " bytes a second");
    }

    private boolean complete() {
        long length = request.getContentLengthLong();
        return length >= 0 && received >= length;
    }

    @Override
    public int available() {
        return body.available();
    }
}
