package org.broadsheet.demo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * On start: loads the demo edition into an empty database (unless {@code broadsheet.demo=false})
 * before the web server opens, so that the first page anyone sees has stories on it; then,
 * once the server is up, generates articles up to {@code broadsheet.generate-articles} for
 * benchmarks.
 */
@Component
@EnableConfigurationProperties(DemoSettings.class)
class DemoEdition implements SmartInitializingSingleton, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoEdition.class);

    private final DemoSettings settings;
    private final DemoEditionLoader loader;
    private final GeneratedEdition generator;

    DemoEdition(DemoSettings settings, DemoEditionLoader loader, GeneratedEdition generator) {
        this.settings = settings;
        this.loader = loader;
        this.generator = generator;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!settings.demo()) {
            return;
        }
        long started = System.nanoTime();
        int count = loader.loadIntoEmptySite();
        if (count == 0) {
            return; // the site has content, perhaps loaded just now by a node starting beside this one
        }
        log.info("Loaded the demo edition: {} articles in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        List<DemoEditionLoader.DemoStaff> staff = loader.loadStaff();
        if (!staff.isEmpty()) {
            StringBuilder message = new StringBuilder(
                    "\n\nDemo newsroom accounts (sign in at /newsroom; these passwords are shown only now):\n\n");
            staff.forEach(s -> message.append(
                    String.format("    %-14s %-32s %s%n", s.role().label(), s.email(), s.password())));
            log.warn(message.toString());
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.generateArticles() > 0) {
            generator.generateUpTo(settings.generateArticles());
        }
    }
}
