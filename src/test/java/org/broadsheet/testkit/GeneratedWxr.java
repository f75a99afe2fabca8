package org.broadsheet.testkit;

/** WordPress exports of many posts, written here, for tests that need an import to take a while. */
public final class GeneratedWxr {

    private GeneratedWxr() {}

    /**
     * WXR 1.2 of {@code posts} posts ("Tides 1", slug {@code tide-1}, …, at
     * {@code https://old.example/tide-N/}) with a comment each; every tenth ends with a READ MORE
     * line to the post before it.
     */
    public static String tides(int posts) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>Harbour Gazette</title><wp:wxr_version>1.2</wp:wxr_version>
                """);
        for (int i = 1; i <= posts; i++) {
            String body = "<p>Tide table number " + i + " for the harbour.</p>"
                    + (i % 10 == 0
                            ? "\n<p>READ MORE: <a href=\"https://old.example/tide-" + (i - 1)
                                    + "/\">The day before</a></p>"
                            : "");
            xml.append("<item><title>Tides ")
                    .append(i)
                    .append("</title><dc:creator>nobody</dc:creator><link>https://old.example/tide-")
                    .append(i)
                    .append("/</link><content:encoded><![CDATA[")
                    .append(body)
                    .append("]]></content:encoded><wp:post_id>")
                    .append(i)
                    .append("</wp:post_id><wp:post_name>tide-")
                    .append(i)
                    .append("</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>")
                    .append("<wp:post_date_gmt>2024-01-02 03:04:05</wp:post_date_gmt><wp:comment><wp:comment_id>")
                    .append(i)
                    .append("</wp:comment_id><wp:comment_author>Reader</wp:comment_author>")
                    .append("<wp:comment_author_email>reader@mail.example</wp:comment_author_email>")
                    .append("<wp:comment_date_gmt>2024-01-03 03:04:05</wp:comment_date_gmt>")
                    .append("<wp:comment_content>Thanks for table ")
                    .append(i)
                    .append(".</wp:comment_content><wp:comment_approved>1</wp:comment_approved>")
                    .append("<wp:comment_parent>0</wp:comment_parent></wp:comment></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }
}
