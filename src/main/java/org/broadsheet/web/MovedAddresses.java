package org.broadsheet.web;

import java.util.Optional;

/**
 * Addresses that changed: a feature that renames things readers reach by URL (a section, a
 * tag, an author) implements it, and a request that would end in 404 is answered with a 301
 * to the new address instead. Asked only for GET and HEAD requests that found nothing.
 */
public interface MovedAddresses {

    /** The path that replaced {@code path} (which has no query string), or empty if it is not one of this feature's. */
    Optional<String> movedTo(String path);
}
