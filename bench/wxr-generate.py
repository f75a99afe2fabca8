#!/usr/bin/env python3
"""Writes a WordPress eXtended RSS (WXR 1.2) file of generated posts and comments, the shape
WordPress's own exporter writes, for the import benchmark:

    bench/wxr-generate.py OUT.xml [POSTS] [COMMENTS]     # defaults 100000 and 300000

The text is made from a small word list (every run writes the same file). Posts carry block
editor comments, a READ MORE line or a related-story line to an earlier post now and then, two
or three categories and some tags; comments are threaded up to three deep, most approved, some
held, spam or in the trash. Streams as it writes: memory does not grow with the file."""
import random
import sys
from datetime import datetime, timedelta, timezone

OUT = sys.argv[1] if len(sys.argv) > 1 else "bench/data/wxr/generated.xml"
POSTS = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
COMMENTS = int(sys.argv[3]) if len(sys.argv) > 3 else 300_000
SITE = "https://wp.bench.example"

rng = random.Random(42)
WORDS = ("harbour council river market bridge station ferry budget minister school vote union "
         "farmers rainfall tariff orchard clinic ward mayor coastline festival museum library "
         "turbine pipeline grain harvest freight railway court ruling inquiry report census "
         "village district province border treaty summit envoy delegate strike wages pension "
         "hospital nurse teacher student bus tram tunnel dam reservoir drought flood storm "
         "satellite launch laboratory vaccine trial survey poll coalition opposition assembly").split()
VERBS = "opened closed approved rejected delayed extended reviewed announced questioned welcomed".split()
SECTIONS = ["Americas", "Europe", "Asia", "Africa", "Middle East", "Business", "Science", "Sport",
            "Culture", "Opinion", "Oceania", "Climate"]
CHILD = {"Business": ["Markets", "Energy"], "Science": ["Space"]}
TAGS = [f"{w} {v}" for w in WORDS[:40] for v in ("watch", "talks")][:120]
AUTHORS = [(f"writer{i}", f"{rng.choice(['Ana', 'Bo', 'Cyd', 'Dev', 'Eli', 'Fen', 'Gus'])} "
            f"{rng.choice(['Okoro', 'Lind', 'Sato', 'Reyes', 'Novak', 'Haddad'])} {i}") for i in range(1, 31)]


def slug(text):
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence():
    w = rng.sample(WORDS, 7)
    return f"The {w[0]} {rng.choice(VERBS)} the {w[1]} {w[2]} after the {w[3]} of the {w[4]} {w[5]} and {w[6]}."


def paragraph():
    return " ".join(sentence() for _ in range(rng.randint(3, 6)))


def wp_date(d):
    return d.strftime("%Y-%m-%d %H:%M:%S")


def body(n, headline_of):
    parts = []
    for i in range(rng.randint(4, 8)):
        if i == 2 and rng.random() < 0.3:
            parts.append("<!-- wp:heading -->\n<h2>" + " ".join(rng.sample(WORDS, 3)).capitalize() + "</h2>\n<!-- /wp:heading -->")
        parts.append("<!-- wp:paragraph -->\n<p>" + paragraph() + "</p>\n<!-- /wp:paragraph -->")
    if n > 10 and rng.random() < 0.1:
        other = rng.randint(1, n - 1)
        parts.insert(2, f'<p>READ MORE: <a href="{SITE}/{headline_of(other)}/">{headline_of(other)}</a></p>')
    elif n > 10 and rng.random() < 0.1:
        other = rng.randint(1, n - 1)
        parts.insert(3, f'<p><a href="{SITE}/{headline_of(other)}/">{headline_of(other)}</a></p>')
    return "\n\n".join(parts)


def comment_xml(cid, parent, when):
    status = rng.choices(["1", "0", "spam", "trash"], [90, 5, 3, 2])[0]
    name = rng.choice(["Kim", "Lou", "Max", "Noor", "Oli", "Pat"]) + f" {cid % 97}"
    return f"""		<wp:comment>
			<wp:comment_id>{cid}</wp:comment_id>
			<wp:comment_author>{cdata(name)}</wp:comment_author>
			<wp:comment_author_email>{cdata(f"reader{cid}@readers.example")}</wp:comment_author_email>
			<wp:comment_author_url>https://readers.example/{cid}</wp:comment_author_url>
			<wp:comment_author_IP>{cdata(f"192.0.2.{cid % 250 + 1}")}</wp:comment_author_IP>
			<wp:comment_date>{cdata(wp_date(when))}</wp:comment_date>
			<wp:comment_date_gmt>{cdata(wp_date(when))}</wp:comment_date_gmt>
			<wp:comment_content>{cdata(sentence() + " " + sentence())}</wp:comment_content>
			<wp:comment_approved>{cdata(status)}</wp:comment_approved>
			<wp:comment_type>{cdata("comment")}</wp:comment_type>
			<wp:comment_agent>{cdata("Mozilla/5.0 (bench)")}</wp:comment_agent>
			<wp:comment_parent>{parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>
"""


def main():
    start = datetime(2019, 1, 1, tzinfo=timezone.utc)
    step = timedelta(minutes=(7 * 365 * 24 * 60) // max(POSTS, 1))
    headlines = {}

    def headline_of(n):
        if n not in headlines:
            r = random.Random(n)
            headlines[n] = f"{r.choice(WORDS)} {r.choice(VERBS)} in {r.choice(WORDS)} {n}"
        return slug(headlines[n])

    with open(OUT, "w", encoding="utf-8") as out:
        w = out.write
        w('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"\n'
          '\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
          '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
          '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
          '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
          '\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n<channel>\n')
        w(f"\t<title>Bench Gazette</title>\n\t<link>{SITE}</link>\n\t<description>Generated</description>\n"
          f"\t<language>en-US</language>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n"
          f"\t<wp:base_site_url>{SITE}</wp:base_site_url>\n\t<wp:base_blog_url>{SITE}</wp:base_blog_url>\n")
        for i, (login, name) in enumerate(AUTHORS, 1):
            w(f"\t<wp:author><wp:author_id>{i}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>"
              f"<wp:author_email>{cdata(login + '@staff.bench.example')}</wp:author_email>"
              f"<wp:author_display_name>{cdata(name)}</wp:author_display_name>"
              f"<wp:author_first_name>{cdata('')}</wp:author_first_name><wp:author_last_name>{cdata('')}</wp:author_last_name></wp:author>\n")
        term = 1
        for name in SECTIONS:
            w(f"\t<wp:category><wp:term_id>{term}</wp:term_id><wp:category_nicename>{cdata(slug(name))}</wp:category_nicename>"
              f"<wp:category_parent>{cdata('')}</wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n")
            term += 1
            for child in CHILD.get(name, []):
                w(f"\t<wp:category><wp:term_id>{term}</wp:term_id><wp:category_nicename>{cdata(slug(child))}</wp:category_nicename>"
                  f"<wp:category_parent>{cdata(slug(name))}</wp:category_parent><wp:cat_name>{cdata(child)}</wp:cat_name></wp:category>\n")
                term += 1
        for name in TAGS:
            w(f"\t<wp:tag><wp:term_id>{term}</wp:term_id><wp:tag_slug>{cdata(slug(name))}</wp:tag_slug>"
              f"<wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>\n")
            term += 1
        w("\t<generator>https://wordpress.org/?v=6.4.2</generator>\n")
        comments_left, cid = COMMENTS, 0
        for n in range(1, POSTS + 1):
            when = start + step * n
            status = rng.choices(["publish", "draft", "pending", "private", "trash"], [94, 3, 1, 1, 1])[0]
            headline = headline_of(n).replace("-", " ").capitalize()
            login = AUTHORS[n % len(AUTHORS)][0]
            cats = rng.sample(SECTIONS, rng.choice([1, 1, 2, 3]))
            w(f"\t<item>\n\t\t<title>{cdata(headline)}</title>\n\t\t<link>{SITE}/{headline_of(n)}/</link>\n"
              f"\t\t<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>\n"
              f"\t\t<dc:creator>{cdata(login)}</dc:creator>\n"
              f'\t\t<guid isPermaLink="false">{SITE}/?p={n}</guid>\n\t\t<description></description>\n'
              f"\t\t<content:encoded>{cdata(body(n, headline_of))}</content:encoded>\n"
              f"\t\t<excerpt:encoded>{cdata(sentence())}</excerpt:encoded>\n"
              f"\t\t<wp:post_id>{n}</wp:post_id>\n\t\t<wp:post_date>{cdata(wp_date(when))}</wp:post_date>\n"
              f"\t\t<wp:post_date_gmt>{cdata(wp_date(when))}</wp:post_date_gmt>\n"
              f"\t\t<wp:post_modified>{cdata(wp_date(when))}</wp:post_modified>\n"
              f"\t\t<wp:post_modified_gmt>{cdata(wp_date(when))}</wp:post_modified_gmt>\n"
              f"\t\t<wp:comment_status>{cdata('open')}</wp:comment_status>\n\t\t<wp:ping_status>{cdata('closed')}</wp:ping_status>\n"
              f"\t\t<wp:post_name>{cdata(headline_of(n))}</wp:post_name>\n\t\t<wp:status>{cdata(status)}</wp:status>\n"
              f"\t\t<wp:post_parent>0</wp:post_parent>\n\t\t<wp:menu_order>0</wp:menu_order>\n"
              f"\t\t<wp:post_type>{cdata('post')}</wp:post_type>\n\t\t<wp:post_password>{cdata('')}</wp:post_password>\n"
              f"\t\t<wp:is_sticky>0</wp:is_sticky>\n")
            for c in cats:
                w(f'\t\t<category domain="category" nicename="{slug(c)}">{cdata(c)}</category>\n')
            for t in rng.sample(TAGS, rng.randint(0, 4)):
                w(f'\t\t<category domain="post_tag" nicename="{slug(t)}">{cdata(t)}</category>\n')
            w(f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata('_edit_last')}</wp:meta_key>\n"
              f"\t\t\t<wp:meta_value>{cdata('1')}</wp:meta_value>\n\t\t</wp:postmeta>\n")
            share = comments_left // (POSTS - n + 1)
            count = min(comments_left, rng.randint(0, 2 * share) if share else 0)
            if n == POSTS:
                count = comments_left
            depth = {}
            for k in range(count):
                cid += 1
                parents = [c for c, d in depth.items() if d < 3]
                parent = rng.choice(parents) if parents and rng.random() < 0.4 else 0
                depth[cid] = depth.get(parent, 0) + 1
                w(comment_xml(cid, parent, when + timedelta(minutes=5 + k)))
            comments_left -= count
            w("\t</item>\n")
        w("</channel>\n</rss>\n")


if __name__ == "__main__":
    main()
