package org.broadsheet.article;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.broadsheet.web.SiteUrls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lists a story is on, named by the addresses of their first pages: its section's, its
 * tags' and its authors'. Read afresh, whatever the story's status (a story taken down leaves
 * its lists too): what the page cache drops when the story changes.
 */
@Component
public record StoryLists(JdbcClient jdbc, SiteUrls urls) {

    public List<String> of(long articleId) {
        return jdbc.sql("""
                        select s.slug as section,
                               array(select t.slug from article_tag at join tag t on t.id = at.tag_id
                                     where at.article_id = a.id) as tags,
                               array(select au.slug from article_author aa join author au on au.id = aa.author_id
                                     where aa.article_id = a.id) as authors
                        from article a join section s on s.id = a.section_id
                        where a.id = ?""")
                .param(articleId)
                .query((rs, row) -> {
                    List<String> lists = new ArrayList<>();
                    lists.add(urls.section(rs.getString("section")));
                    strings(rs.getArray("tags")).forEach(slug -> lists.add(urls.tag(slug)));
                    strings(rs.getArray("authors")).forEach(slug -> lists.add(urls.author(slug)));
                    return lists;
                })
                .optional()
                .orElse(List.of());
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
