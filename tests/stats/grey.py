#!/usr/bin/env python3
"""grey.py PAGE.html - the parts of ip-stats' charts tell apart in
greyscale print: the key's swatches, a hatching taken as the mean of its
stripes, differ pairwise by a luminance contrast ratio of at least 1.4;
every part drawn in a bar has a fill from the key and an outline.  Prints
what is wrong and exits 1, else exits 0."""
import re
import sys

MIN_RATIO = 1.4


def luminance(hexrgb):
    """WCAG's relative luminance of #rrggbb (or #rgb)."""
    h = hexrgb.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    out = 0.0
    for weight, i in ((0.2126, 0), (0.7152, 2), (0.0722, 4)):
        c = int(h[i:i + 2], 16) / 255
        c = c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        out += weight * c
    return out


def fill_luminance(svg, fill):
    """The luminance of a fill in svg: a colour, or a pattern of rects,
    each weighted by its width."""
    m = re.match(r"url\(#([^)]+)\)", fill)
    if not m:
        return luminance(fill)
    pat = re.search(r'<pattern id="%s" width="(\d+)"[^>]*>(.*?)</pattern>'
                    % re.escape(m.group(1)), svg)
    width = int(pat.group(1))
    rects = re.findall(r'<rect width="(\d+)" height="\d+" fill="([^"]+)"/>',
                       pat.group(2))
    # the first rect is the ground, the others stripes laid on it
    ground = luminance(rects[0][1])
    stripes = sum(int(w) for w, _ in rects[1:])
    return (ground * (width - stripes)
            + sum(int(w) * luminance(f) for w, f in rects[1:])) / width


def fill_key(svg, fill):
    """A fill as compared between the key and the bars: a colour, or the
    content of the pattern it names, whatever its id."""
    m = re.match(r"url\(#([^)]+)\)", fill)
    if not m:
        return fill
    pat = re.search(r'<pattern id="%s"(.*?)</pattern>' % re.escape(m.group(1)),
                    svg)
    return pat.group(1) if pat else "no pattern " + fill


def main(path):
    page = open(path, encoding="utf-8").read()
    problems = []
    key = re.search(r'<ul class="key"[^>]*>(.*?)</ul>', page, re.S)
    if not key:
        print(path + ": no key")
        return 1
    swatches = {}
    for svg, label in re.findall(r"<li>(<svg.*?</svg>) ([^<]+)</li>",
                                 key.group(1)):
        fill = re.search(r'<rect x="0.5"[^>]*fill="([^"]+)"', svg).group(1)
        swatches[label] = (fill_key(svg, fill), fill_luminance(svg, fill))
    if len(swatches) < 3:
        problems.append("fewer than three parts in the key")
    names = sorted(swatches)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            la, lb = swatches[a][1], swatches[b][1]
            ratio = (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
            if ratio < MIN_RATIO:
                problems.append("'%s' and '%s' differ by %.2f in greyscale"
                                % (a, b, ratio))
    fills = {f for f, _ in swatches.values()}
    bars = re.findall(r'<svg role="img".*?</svg>', page)
    if not bars:
        problems.append("no chart")
    for svg in bars:
        for rect in re.findall(r'<rect x="\d+" y="0"[^>]*>', svg):
            fill = re.search(r'fill="([^"]+)"', rect).group(1)
            if fill_key(svg, fill) not in fills:
                problems.append("a part filled %s, not in the key" % fill)
            if 'stroke="#000"' not in rect:
                problems.append("a part without an outline")
    for p in problems:
        print("%s: %s" % (path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
