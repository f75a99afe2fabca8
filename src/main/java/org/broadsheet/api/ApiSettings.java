package org.broadsheet.api;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the API answers other sites ({@code broadsheet.api.*}).
 *
 * @param corsOrigins the origins whose pages may read the public API from a browser
 *                    ({@code https://app.example}), or {@code *} for any; none by default. Writes
 *                    are never open to other origins
 */
@ConfigurationProperties("broadsheet.api")
record ApiSettings(@DefaultValue List<String> corsOrigins) {

    ApiSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }
}
