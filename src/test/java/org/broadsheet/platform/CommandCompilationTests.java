package org.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The compiler directives of a command's JVM are well formed and taken by this JVM (a mistake in
 * the file would leave C2 compiling the frameworks' start-up code, silently); removed again
 * afterwards, so the rest of the tests run as the site does.
 */
class CommandCompilationTests {

    private static final String BEAN = "com.sun.management:type=DiagnosticCommand";

    @Test
    void theDirectivesAreTakenAndNameTheFrameworksForC2Only() throws Exception {
        String before = command("compilerDirectivesPrint");
        try {
            assertThat(CommandCompilation.limitStartUpCompilation()).isTrue();

            String after = command("compilerDirectivesPrint");
            assertThat(after).isNotEqualTo(before).contains("org/springframework/*.*");
        } finally {
            command("compilerDirectivesRemove");
        }
        assertThat(command("compilerDirectivesPrint")).isEqualTo(before);
    }

    private static String command(String operation) throws Exception {
        return String.valueOf(ManagementFactory.getPlatformMBeanServer()
                .invoke(new ObjectName(BEAN), operation, new Object[] {new String[0]}, new String[] {
                    String[].class.getName()
                }));
    }
}
