package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.broadsheet.BroadsheetApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The create-admin command starts the application the way {@code main} does for it: no web
 * server, no schedules, no demo edition, its own data directory. Every bean it needs must
 * exist without the web.
 */
class CreateAdminCommandTests {

    @Test
    void createsAnAdministratorInAContextWithoutTheWeb() throws Exception {
        Files.createDirectories(Path.of("target"));
        Path data = Files.createTempDirectory(Path.of("target"), "create-admin-");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BroadsheetApplication.class)
                .web(WebApplicationType.NONE)
                .run("--broadsheet.demo=false", "--broadsheet.data-dir=" + data, "--spring.main.banner-mode=off")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new CreateAdminCommand()
                    .run(
                            context,
                            new String[] {"create-admin", "--email", "ops@staff.example", "--name", "Ops Person"},
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            AccountService accounts = context.getBean(AccountService.class);
            assertThat(accounts.list()).singleElement().satisfies(a -> {
                assertThat(a.email()).isEqualTo("ops@staff.example");
                assertThat(a.role()).isEqualTo(Role.ADMINISTRATOR);
            });
            assertThat(context.getBeansOfType(org.springframework.security.web.SecurityFilterChain.class))
                    .isEmpty();
        }
    }
}
