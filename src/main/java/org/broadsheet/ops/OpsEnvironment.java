package org.broadsheet.ops;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Settings made whole before the site starts:
 *
 * <ul>
 *   <li>A site asked to listen on a random port ({@code server.port=0}: tests, several nodes on
 *       one machine) gets a random management port too, unless one was set: otherwise every such
 *       site would try the default 8081 and all but the first would fail to start (what Spring
 *       Boot's tests do for {@code RANDOM_PORT}, for every start). The port taken is in
 *       {@code local.management.port}.
 *   <li>The access log's directory, relative to the data directory by default, is made absolute
 *       from the working directory: Tomcat would otherwise put it under its own temporary
 *       directory.
 *   <li>On Java {@value #VIRTUAL_THREADS_FROM} or later, requests are served on virtual threads
 *       ({@code spring.threads.virtual.enabled}) unless the operator said otherwise: a client
 *       trickling its request body then holds a virtual thread, not one of the 8 request threads
 *       readers need ({@code bench/slow-clients.sh}). Not on 21 to 23, where a virtual thread
 *       blocked inside {@code synchronized} pins its carrier, and two cores have two carriers.
 *       Nothing changes on 17, which has none.
 * </ul>
 */
class OpsEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String PORT = "management.server.port";
    /** How application.properties says the default port, which a random one replaces. */
    static final String DEFAULT_PORT = "${BROADSHEET_MANAGEMENT_PORT:8081}";

    static final String ACCESS_LOG_DIRECTORY = "server.tomcat.accesslog.directory";

    static final String VIRTUAL_THREADS = "spring.threads.virtual.enabled";
    /** The first Java whose virtual threads do not pin their carrier in {@code synchronized} (JEP 491). */
    static final int VIRTUAL_THREADS_FROM = 24;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> settings = new HashMap<>();
        if (defaultManagementPortWithRandomServerPort(environment)) {
            settings.put(PORT, "0");
        }
        String directory = environment.getProperty(ACCESS_LOG_DIRECTORY);
        if (directory != null && !directory.isBlank() && !Path.of(directory).isAbsolute()) {
            settings.put(
                    ACCESS_LOG_DIRECTORY,
                    Path.of(directory).toAbsolutePath().normalize().toString());
        }
        if (virtualThreadsByDefault(environment, Runtime.version().feature())) {
            settings.put(VIRTUAL_THREADS, "true");
        }
        if (!settings.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("broadsheetOps", settings));
        }
    }

    /** Whether to turn virtual threads on, on Java {@code java} (17, 25: the feature release). */
    static boolean virtualThreadsByDefault(ConfigurableEnvironment environment, int java) {
        return java >= VIRTUAL_THREADS_FROM && environment.getProperty(VIRTUAL_THREADS) == null;
    }

    private static boolean defaultManagementPortWithRandomServerPort(ConfigurableEnvironment environment) {
        if (!"0".equals(environment.getProperty("server.port"))
                || environment.getProperty("BROADSHEET_MANAGEMENT_PORT") != null) {
            return false;
        }
        for (PropertySource<?> source : environment.getPropertySources()) {
            Object value = source.getProperty(PORT);
            if (value != null) {
                return DEFAULT_PORT.equals(value.toString()); // the first source that says it decides
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.properties has been read
    }
}
