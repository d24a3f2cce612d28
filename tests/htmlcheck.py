#!/usr/bin/env python3
"""htmlcheck.py PAGE... - holds an HTML page of ip-export or ip-stats to
its shape.

libxml2's HTML parser knows HTML 4 only, and the pages are HTML5 (main,
figure, inline SVG).  This reads each page with Python's own parser and
fails, saying where, on an element the pages never hold (anything that
runs or loads), an event-handler attribute, an end tag that closes no
open element, or an element left open.  Exit 0 when every page is clean.
"""
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "hr"}
ALLOWED = VOID | {
    "html", "head", "title", "style", "body", "main", "h1", "h2", "h3",
    "h4", "h5", "h6", "p", "ul", "ol", "li", "strong", "em", "a", "code",
    "pre", "blockquote", "table", "thead", "tbody", "tr", "th", "td",
    "figure", "span", "div",
    # inline SVG of the timeline
    "svg", "desc", "defs", "path", "use", "line", "rect", "text",
    # ip-stats: its table's caption, its bars with their text, a hatching
    "caption", "figcaption", "pattern",
}
# svg's own elements may close themselves: <path .../>
SELF_CLOSING = {"path", "use", "line", "rect"}


class Check(HTMLParser):
    def __init__(self, name):
        super().__init__(convert_charrefs=True)
        self.name, self.stack, self.errors = name, [], []

    def error_at(self, what):
        line, col = self.getpos()
        self.errors.append(f"{self.name}:{line}:{col + 1}: {what}")

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED:
            self.error_at(f"element <{tag}> not allowed")
        for k, v in attrs:
            if k.startswith("on") or k in ("src", "srcset", "formaction"):
                self.error_at(f"attribute {k} not allowed")
            if k == "href" and v is not None and ":" in v.split("#")[0] \
                    and not v.startswith(("http:", "https:", "mailto:")):
                self.error_at(f"href '{v}' not allowed")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            if tag not in SELF_CLOSING:
                self.error_at(f"<{tag}/> is no void element")
            self.stack.pop()

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.error_at(f"</{tag}> closes no open <{tag}> "
                          f"(open: {' '.join(self.stack[-3:])})")
            return
        self.stack.pop()


def main(paths):
    bad = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            c = Check(path)
            c.feed(f.read())
            c.close()
        if c.stack:
            c.error_at(f"left open: {' '.join(c.stack)}")
        for e in c.errors:
            print(e)
        bad += len(c.errors)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
