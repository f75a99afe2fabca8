package org.broadsheet.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the reader page being rendered shows, told to the page cache so that a change drops
 * exactly the pages it affects. Whatever renders a part of a page names what that part comes
 * from: a story ({@link #story}), a list of stories ({@link #list}), an article's comments, the
 * feeds. Called from the rendering thread; outside a request it does nothing.
 *
 * <p>Two kinds of names: <em>dependencies</em> (the page is dropped when that thing changes)
 * and the page's own <em>lists</em>: the lists a page belongs to ({@code list:section:5}) are
 * dropped whole when a page of theirs is dropped because a story on it changed, since a story
 * that leaves or joins a list shifts every later page of it.
 */
public final class PageTags {

    public static final String FRONT = "list:front";
    public static final String ARCHIVE = "list:archive";
    public static final String FEEDS = "feeds";
    public static final String COMMENT_FEEDS = "comment-feeds";
    public static final String SITEMAPS = "sitemaps";
    public static final String SEARCH = "search";

    private static final String ATTRIBUTE = PageTags.class.getName();

    private PageTags() {}

    /** What one page said it shows. */
    public static final class Collected {
        private final Set<String> tags = new HashSet<>();
        private final Set<String> lists = new HashSet<>();
        private long story;
        private @Nullable Instant until;

        /** The page's dependencies. */
        public Set<String> tags() {
            return tags;
        }

        /** The lists dropped with the page when a story on it changes. */
        public Set<String> lists() {
            return lists;
        }

        /** The story whose own page this is, or 0. */
        public long story() {
            return story;
        }

        /** The latest time the page may be kept, or null for no limit of its own. */
        public @Nullable Instant until() {
            return until;
        }
    }

    public static String story(long id) {
        return "story:" + id;
    }

    public static String comments(long articleId) {
        return "comments:" + articleId;
    }

    /** A list of stories, named by the address of its first page ({@code /americas}, {@code /tag/fishing}). */
    public static String list(String firstPageUrl) {
        return "list:" + firstPageUrl;
    }

    /** The newest stories of a section (by its address), as the article page's "More from" shows them. */
    public static String newestInSection(String sectionUrl) {
        return "newest:" + sectionUrl;
    }

    /** The page depends on {@code tag}. */
    public static void add(String tag) {
        Collected collected = current();
        if (collected != null) {
            collected.tags.add(tag);
        }
    }

    /** The page shows these stories. */
    public static void stories(Collection<Long> ids) {
        Collected collected = current();
        if (collected != null) {
            ids.forEach(id -> collected.tags.add(story(id)));
        }
    }

    /** The page is a page of this list (it depends on it, and is dropped with it). */
    public static void inList(String list) {
        Collected collected = current();
        if (collected != null) {
            collected.tags.add(list);
            collected.lists.add(list);
        }
    }

    /** The page is story {@code id}'s own page; {@code lists} are the lists the story is on. */
    public static void ownStory(long id, Collection<String> lists) {
        Collected collected = current();
        if (collected != null) {
            collected.story = id;
            collected.tags.add(story(id));
            collected.lists.addAll(lists);
        }
    }

    /** The page must not be kept after {@code until} (it shows something that expires). */
    public static void keepUntil(HttpServletRequest request, Instant until) {
        Collected collected = of(request);
        if (collected != null && (collected.until == null || until.isBefore(collected.until))) {
            collected.until = until;
        }
    }

    /** The page depends on {@code tag} (for code that has the request at hand). */
    public static void add(HttpServletRequest request, String tag) {
        Collected collected = of(request);
        if (collected != null) {
            collected.tags.add(tag);
        }
    }

    /** Starts collecting for {@code request} (the page cache does, for pages it may keep). */
    public static Collected collect(HttpServletRequest request) {
        Collected collected = new Collected();
        request.setAttribute(ATTRIBUTE, collected);
        return collected;
    }

    private static @Nullable Collected of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Collected collected ? collected : null;
    }

    private static @Nullable Collected current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? of(attributes.getRequest())
                : null;
    }
}
