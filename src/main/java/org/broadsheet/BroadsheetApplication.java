package org.broadsheet;

import org.broadsheet.account.CreateAdminCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class BroadsheetApplication {

    public static void main(String[] args) {
        if (CreateAdminCommand.isRequested(args)) {
            // No web server and no demo edition: only the database and the account service.
            ConfigurableApplicationContext context = new SpringApplicationBuilder(BroadsheetApplication.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run(springArguments(args));
            int code = CreateAdminCommand.run(context, args, System.out, System.err);
            System.exit(SpringApplication.exit(context, () -> code));
        }
        SpringApplication.run(BroadsheetApplication.class, args);
    }

    /**
     * Only the {@code --name=value} options are Spring's; the command's own are left out. The
     * demo edition is never loaded by a command (an argument, so it outranks the properties file).
     */
    private static String[] springArguments(String[] args) {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("--broadsheet.demo=false"),
                        java.util.Arrays.stream(args)
                                .filter(a -> a.startsWith("--")
                                        && a.contains("=")
                                        && !a.startsWith("--email=")
                                        && !a.startsWith("--name=")))
                .toArray(String[]::new);
    }
}
