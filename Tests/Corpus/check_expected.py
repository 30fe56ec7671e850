#!/usr/bin/env python3
"""Sanity-check Tests/Corpus/expected.yml against the corpus files.

- expected.yml parses and every entry has a known rule id;
- every post file in the school folders is listed, and every listed file exists;
- every `text` occurs in the file's raw bytes (UTF-8) at least as often as it is listed;
- document-level rules (missing-logo, missing-author-position) have no text, others do;
- missing-logo is only expected for .html/.htm files.
Prints per-rule counts. Exit status 1 on any problem.
"""
import collections, pathlib, sys
import yaml

ROOT = pathlib.Path(__file__).resolve().parent
RULES = {"contact-phone", "contact-email", "contact-address", "pupil-name", "missing-logo",
         "missing-author-position", "personal-opinion", "unapproved-citation"}
DOC_RULES = {"missing-logo", "missing-author-position"}
POST_EXT = {".html", ".htm", ".md", ".markdown", ".txt"}

def main() -> int:
    expected = yaml.safe_load((ROOT / "expected.yml").read_text(encoding="utf-8"))
    problems, counts, clean = [], collections.Counter(), 0
    posts = sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("*/*") if p.suffix.lower() in POST_EXT)
    for missing in sorted(set(posts) - set(expected)):
        problems.append(f"{missing}: not listed in expected.yml")
    for path, findings in expected.items():
        f = ROOT / path
        if not f.is_file():
            problems.append(f"{path}: listed but missing")
            continue
        raw = f.read_bytes()
        findings = findings or []
        clean += not findings
        wanted = collections.Counter()
        for item in findings:
            rule, text = item.get("rule"), item.get("text")
            counts[rule] += 1
            if rule not in RULES:
                problems.append(f"{path}: unknown rule {rule!r}")
            if rule in DOC_RULES:
                if text is not None:
                    problems.append(f"{path}: {rule} should have no text")
                if rule == "missing-logo" and f.suffix.lower() not in (".html", ".htm"):
                    problems.append(f"{path}: missing-logo on a non-HTML file")
            elif not text:
                problems.append(f"{path}: {rule} needs a text span")
            else:
                wanted[text] += 1
        for text, n in wanted.items():
            have = raw.count(text.encode("utf-8"))
            if have < n:
                problems.append(f"{path}: {text!r} listed {n}x but occurs {have}x")
    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(expected)} files, {clean} clean, {sum(counts.values())} expected findings")
    for rule in sorted(RULES):
        print(f"  {rule:25} {counts[rule]}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
