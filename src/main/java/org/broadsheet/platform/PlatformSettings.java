package org.broadsheet.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Broadsheet keeps its files.
 *
 * @param dataDir the data directory: the embedded PostgreSQL cluster ({@code postgres/}) and its lock,
 *                and the media files with the default storage ({@code media/})
 */
@ConfigurationProperties("broadsheet")
public record PlatformSettings(@DefaultValue("./data") Path dataDir) {}
