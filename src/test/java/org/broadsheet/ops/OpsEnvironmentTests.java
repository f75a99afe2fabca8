package org.broadsheet.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** Virtual threads: on by themselves from Java 24, never on 17 (which CI runs), never against the operator. */
class OpsEnvironmentTests {

    @Test
    void onThisJavaBefore24RequestsStayOnPlatformThreads() throws IOException {
        StandardEnvironment environment = shipped();
        new OpsEnvironment().postProcessEnvironment(environment, new SpringApplication());
        if (Runtime.version().feature() < OpsEnvironment.VIRTUAL_THREADS_FROM) { // 17 in CI
            assertThat(environment.getProperty(OpsEnvironment.VIRTUAL_THREADS)).isNull();
            assertThat(Threading.VIRTUAL.isActive(environment)).isFalse();
        } else {
            assertThat(environment.getProperty(OpsEnvironment.VIRTUAL_THREADS)).isEqualTo("true");
            assertThat(Threading.VIRTUAL.isActive(environment)).isTrue();
        }
    }

    @Test
    void java17And21To23KeepPlatformThreads() throws IOException {
        for (int java : new int[] {17, 21, 23}) {
            assertThat(OpsEnvironment.virtualThreadsByDefault(shipped(), java))
                    .as("Java " + java)
                    .isFalse();
        }
    }

    @Test
    void from24VirtualThreadsAreOnUnlessTheOperatorSaidOtherwise() throws IOException {
        assertThat(OpsEnvironment.virtualThreadsByDefault(shipped(), 24)).isTrue();
        assertThat(OpsEnvironment.virtualThreadsByDefault(shipped(), 25)).isTrue();
        StandardEnvironment refused = shipped();
        refused.getPropertySources()
                .addFirst(new MapPropertySource("operator", Map.of(OpsEnvironment.VIRTUAL_THREADS, "false")));
        assertThat(OpsEnvironment.virtualThreadsByDefault(refused, 25)).isFalse();
    }

    /** An environment with what the jar ships in application.properties, as the site starts with. */
    private static StandardEnvironment shipped() throws IOException {
        Properties properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new PropertiesPropertySource("application.properties", properties));
        return environment;
    }
}
