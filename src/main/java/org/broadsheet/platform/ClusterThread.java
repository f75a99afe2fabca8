package org.broadsheet.platform;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * One daemon thread of the event bus, running from before the web server takes requests until
 * after it has stopped (and before the connection pool closes).
 */
abstract class ClusterThread implements SmartLifecycle {

    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final String name;
    private volatile boolean running;
    private @Nullable Thread thread;

    ClusterThread(String name) {
        this.name = name;
    }

    /** The thread's work; it returns soon after {@link #running()} turns false. */
    protected abstract void work();

    /** Called on stop, before waiting for the thread: wake it if it may be blocked. */
    protected void wake(Thread thread) {}

    protected boolean running() {
        return running;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::work, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            wake(thread);
            try {
                thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
