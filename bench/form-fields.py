#!/usr/bin/env python3
"""Prints the address a page's comment form (id="comment-form") posts to, then on a second line its
hidden fields, URL-encoded,
with the honeypot and optional fields a browser sends empty and "remember" as a browser sends it
ticked: whatever fields the form has, so that bench/post-form.lua posts it as a browser would.

    bench/form-fields.py < page.html   ->   /comments
                                            article=42&parent=&token=...&subject=&website=&remember=yes
"""
import sys
from html.parser import HTMLParser
from urllib.parse import urlencode


class CommentForm(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.found = False
        self.fields = []
        self.action = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == "comment-form" and not self.found:
            self.inside = self.found = True
            self.action = a.get("action") or ""
        elif tag == "input" and self.inside and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind == "hidden":
                self.fields.append((a["name"], a.get("value") or ""))
            elif kind == "checkbox" and "checked" in a:
                self.fields.append((a["name"], a.get("value") or "on"))
            elif a["name"] in ("subject", "website"):
                self.fields.append((a["name"], ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


parser = CommentForm()
parser.feed(sys.stdin.read())
if not parser.found:
    sys.exit("no comment form on the page (comments closed?)")
print(parser.action)
print(urlencode(parser.fields))
