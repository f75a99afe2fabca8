package org.broadsheet.wordpress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fetchPrivateAddresses whether an import may fetch attachments from loopback and private
 *     networks (off: a WXR file could otherwise make the server read what only it can reach)
 */
@ConfigurationProperties("broadsheet.wordpress")
public record WordPressSettings(@DefaultValue("false") boolean fetchPrivateAddresses) {}
