package org.broadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    /** A row of the package table: | `name` | what it holds | what it may use |. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z]+)` \\|.*\\|([^|]*)\\|\\s*$");

    @Test
    void featurePackagesDependOnlyOnWhatDesignAllows() {
        ApplicationModules.of(BroadsheetApplication.class).verify();
    }

    /** The package table in docs/DESIGN.md says what each package-info allows, no more, no less. */
    @Test
    void thePackageTableMatchesThePackageInfos() throws IOException {
        Map<String, Set<String>> table = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("docs/DESIGN.md")));
        while (row.find()) {
            String uses = row.group(2).strip();
            table.put(
                    row.group(1),
                    uses.equals("—") || uses.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(uses.split(",\\s*"))));
        }
        Map<String, Set<String>> declared = new TreeMap<>();
        for (String name : table.keySet()) {
            Package p = packageOf("org.broadsheet." + name);
            ApplicationModule module = p == null ? null : p.getAnnotation(ApplicationModule.class);
            declared.put(name, module == null ? Set.of() : new TreeSet<>(Arrays.asList(module.allowedDependencies())));
        }

        assertThat(table).as("rows of the package table").hasSizeGreaterThan(10);
        assertThat(table).isEqualTo(declared);
    }

    private static Package packageOf(String name) {
        try {
            Class.forName(name + ".package-info");
        } catch (ClassNotFoundException e) {
            return null;
        }
        return ModularityTests.class.getClassLoader().getDefinedPackage(name);
    }
}
