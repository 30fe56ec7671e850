#!/usr/bin/env python3
"""Writes COUNT generated drafts into FOLDER for batch measurements (peak memory, wall time).

Usage: scripts/generate-drafts.py FOLDER COUNT

The drafts are deterministic (draft N is always the same text), spread over subfolders of 500,
and mix clean posts with ones that trip the contact, opinion and byline rules, in plain text,
Markdown and HTML. Each is a few kilobytes, padded with ordinary paragraphs, so that keeping every
source until the end of a run would show in peak memory.
"""
import os
import sys

BYLINE = "Posted by Mrs J. Patel, Year 3 Teacher"
FILLER = ("Our pupils enjoyed a busy week of reading, music and outdoor learning. "
          "Thank you to all the families who came to the open afternoon and to the staff who organised it. ")


def body(n):
    paragraphs = [f"Week {n % 52 + 1} news from the school", FILLER * (4 + n % 5)]
    kind = n % 5
    if kind == 1:
        paragraphs.append(f"Call the office on 01632 960{n % 1000:03d} or email class{n % 7}@gmail.com for details.")
    elif kind == 2:
        paragraphs.append("Personally, I think it was the best sports day ever! <script>alert(1)</script>")
    elif kind == 3:
        paragraphs.append(FILLER)
        return paragraphs  # no byline: missing-author-position
    paragraphs.append(BYLINE)
    return paragraphs


def render(n, extension):
    paragraphs = body(n)
    if extension == "md":
        return f"# {paragraphs[0]}\n\n" + "\n\n".join(paragraphs[1:]) + "\n"
    if extension == "html":
        escaped = [p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") for p in paragraphs]
        return ("<!DOCTYPE html>\n<html lang=\"en\"><head><title>News</title></head><body>\n"
                f"<h1>{escaped[0]}</h1>\n" + "\n".join(f"<p>{p}</p>" for p in escaped[1:]) + "\n</body></html>\n")
    return "\n\n".join(paragraphs) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    folder, count = sys.argv[1], int(sys.argv[2])
    for n in range(count):
        extension = ("txt", "md", "html")[n % 3]
        sub = os.path.join(folder, f"batch-{n // 500:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"draft-{n:05d}.{extension}"), "w", encoding="utf-8") as handle:
            handle.write(render(n, extension))


if __name__ == "__main__":
    main()
