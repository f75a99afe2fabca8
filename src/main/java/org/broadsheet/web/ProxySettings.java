package org.broadsheet.web;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.catalina.util.NetMask;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code broadsheet.proxies}: the addresses of the proxies in front of the site (a TLS proxy, a
 * load balancer), each an address ({@code 10.0.0.5}, {@code ::1}) or a network in CIDR notation
 * ({@code 10.0.0.0/8}). Only requests from these may say, in {@code X-Forwarded-For},
 * {@code -Proto}, {@code -Host} and {@code -Port}, who the client is and whether it came over HTTPS.
 * None by default: a node reached directly believes no such header.
 *
 * @param proxies the trusted proxies; a malformed entry stops the start with its reason
 */
@ConfigurationProperties("broadsheet")
public record ProxySettings(@DefaultValue List<String> proxies) {

    public ProxySettings {
        proxies = proxies.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
        for (String proxy : proxies) {
            new NetMask(network(proxy)); // throws IllegalArgumentException naming what it could not read
        }
    }

    /** The proxies as Tomcat's {@code RemoteIpValve} reads a list of networks; empty for none. */
    String networks() {
        return proxies.stream().map(ProxySettings::network).collect(Collectors.joining(","));
    }

    /** A single address is a network of one. */
    private static String network(String proxy) {
        if (proxy.contains("/")) {
            return proxy;
        }
        return proxy + (proxy.contains(":") ? "/128" : "/32");
    }
}
