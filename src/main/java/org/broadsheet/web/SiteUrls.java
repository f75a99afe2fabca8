package org.broadsheet.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The one owner of URL shapes. Templates and feeds ask it; nobody concatenates paths elsewhere.
 *
 * <ul>
 * <li>article: {@code /{section}/{yyyy}/{mm}/{dd}/{slug}}, the date being the publication day
 *     in the site's zone;</li>
 * <li>section: {@code /{section}}, then {@code /{section}/page/{n}};</li>
 * <li>tag: {@code /tag/{slug}}; author: {@code /author/{slug}}; archive: {@code /page/{n}};</li>
 * <li>comments: {@code {article}?comment-page={n}#comment-{id}}, posted to {@code /comments}.</li>
 * </ul>
 */
@Component
public class SiteUrls {

    private final ZoneId zone;

    public SiteUrls(SiteSettings settings) {
        this.zone = settings.timeZone();
    }

    public String home() {
        return "/";
    }

    public String article(String sectionSlug, Instant publishedAt, String slug) {
        LocalDate day = LocalDate.ofInstant(publishedAt, zone);
        StringBuilder url = new StringBuilder(sectionSlug.length() + slug.length() + 14);
        url.append('/').append(sectionSlug).append('/').append(day.getYear()).append('/');
        twoDigits(url, day.getMonthValue()).append('/');
        return twoDigits(url, day.getDayOfMonth()).append('/').append(slug).toString();
    }

    private static StringBuilder twoDigits(StringBuilder url, int value) {
        return url.append(value < 10 ? "0" : "").append(value);
    }

    public String section(String slug) {
        return "/" + slug;
    }

    public String section(String slug, int page) {
        return page <= 1 ? section(slug) : "/" + slug + "/page/" + page;
    }

    public String tag(String slug) {
        return "/tag/" + slug;
    }

    public String tag(String slug, int page) {
        return page <= 1 ? tag(slug) : tag(slug) + "/page/" + page;
    }

    public String author(String slug) {
        return "/author/" + slug;
    }

    public String author(String slug, int page) {
        return page <= 1 ? author(slug) : author(slug) + "/page/" + page;
    }

    public String archive(int page) {
        return "/page/" + page;
    }

    /** Page {@code page} of an article's comments: the article itself for the first page. */
    public String comments(String articleUrl, int page) {
        return page <= 1 ? articleUrl : articleUrl + "?comment-page=" + page;
    }

    /** One comment on its page of the article. */
    public String comment(String articleUrl, int page, long commentId) {
        return comments(articleUrl, page) + "#comment-" + commentId;
    }

    /** The article with the comment form set to reply to a comment (works without JavaScript). */
    public String replyTo(String articleUrl, int page, long commentId) {
        return comments(articleUrl, page) + (page <= 1 ? "?" : "&") + "replytocom=" + commentId + "#respond";
    }

    /** Where the comment form posts. */
    public String commentPost() {
        return "/comments";
    }

    public String commentScript() {
        return "/assets/comments.js";
    }

    public String stylesheet() {
        return "/assets/site.css";
    }
}
