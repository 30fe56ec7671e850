#!/usr/bin/env python3
"""Scores PostLint against a labelled corpus (a folder with expected.yml, as in Tests/Corpus).

    scripts/score-corpus.py CORPUS [--bin .build/release/postlint] [--rule RULE] [--show] [--by-school] [--score-failed-run]

Runs the binary once over every post listed in CORPUS/expected.yml (JSON output) and matches findings
to expectations the way Tests/PostLintTests/CorpusAccuracyTests does: a text expectation is met by a
finding of its rule whose byte range overlaps an occurrence of the text; a document-level one by any
finding of its rule. Prints precision and recall per rule and, for pupil-name expectations that carry
a `level`, how often the reported level agrees. --show lists every miss and false finding.
"""
import argparse, collections, json, pathlib, subprocess, sys
import yaml

RULES = ["pupil-name", "contact-phone", "contact-email", "contact-address", "missing-logo",
         "missing-author-position", "personal-opinion", "unapproved-citation"]

def occurrences(needle: bytes, haystack: bytes):
    spans, start = [], haystack.find(needle)
    while needle and start >= 0:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + 1)
    return spans

def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--bin", default=".build/release/postlint")
    parser.add_argument("--rule", action="append")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--by-school", action="store_true", help="also print P/R per top-level folder")
    parser.add_argument("--score-failed-run", action="store_true",
                        help="score a run that exited 2 (a check did not run) instead of stopping")
    args = parser.parse_args()
    root = pathlib.Path(args.corpus).resolve()
    expected = yaml.safe_load((root / "expected.yml").read_text(encoding="utf-8")) or {}
    paths = sorted(expected)
    run = subprocess.run([args.bin, "check", "--format", "json", "--quiet", *[str(root / p) for p in paths]],
                         capture_output=True)
    if run.returncode == 2 and args.score_failed_run:
        # A run that failed closed (a roster it could not read) still reports the checks that ran.
        sys.stderr.write("the run failed (exit 2); scoring what it reported:\n" + run.stderr.decode(errors="replace")[:2000])
    elif run.returncode not in (0, 1):
        sys.stderr.write(run.stderr.decode(errors="replace"))
        return 2
    reports = {pathlib.Path(f["path"]).resolve(): f for f in json.loads(run.stdout)["files"]}
    tallies = collections.defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    schools = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0, 0]))
    levels = [0, 0]  # agree, compared
    lines = []
    rules = args.rule or RULES
    for path in paths:
        raw = (root / path).read_bytes()
        report = reports.get((root / path).resolve(), {"diagnostics": []})
        found = [d for d in report["diagnostics"] if not d.get("suppressed") and d["ruleId"] in rules]
        # Longer texts first, so that "Bríd" does not take the finding that "Bríd Doherty" needs.
        for item in sorted(expected[path] or [], key=lambda item: -len(item.get("text") or "")):
            rule, text = item["rule"], item.get("text")
            if rule not in rules:
                continue
            if text is None:
                hit = next((d for d in found if d["ruleId"] == rule), None)
            else:
                spans = occurrences(text.encode("utf-8"), raw)
                hit = next((d for d in found if d["ruleId"] == rule and any(
                    s < d["offset"] + max(d["length"], 1) and d["offset"] < e for s, e in spans)), None)
            if hit is None:
                tallies[rule][2] += 1
                schools[path.split("/")[0]][rule][2] += 1
                lines.append(f"  missed {rule} {text!r} in {path}")
                continue
            found.remove(hit)
            tallies[rule][0] += 1
            schools[path.split("/")[0]][rule][0] += 1
            if item.get("level"):
                levels[1] += 1
                if item["level"] == hit["level"]:
                    levels[0] += 1
                else:
                    lines.append(f"  level {rule} {text!r}: expected {item['level']}, got {hit['level']} in {path}")
        for d in found:
            tallies[d["ruleId"]][1] += 1
            schools[path.split("/")[0]][d["ruleId"]][1] += 1
            lines.append(f"  false {d['ruleId']} {d['snippet'][:60]!r} at {path}:{d['line']}:{d['column']}")
    print(f"{'rule':26} {'P':>6} {'R':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for rule in rules:
        tp, fp, fn = tallies[rule]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        print(f"{rule:26} {p:6.2f} {r:6.2f} {tp:5} {fp:5} {fn:5}")
    if args.by_school:
        for school in sorted(schools):
            cells = []
            for rule in rules:
                tp, fp, fn = schools[school][rule]
                p = tp / (tp + fp) if tp + fp else 1.0
                r = tp / (tp + fn) if tp + fn else 1.0
                cells.append(f"{rule} {p:.2f}/{r:.2f}")
            print(f"  {school}: " + "; ".join(cells))
    if levels[1]:
        print(f"pupil-name level agreement: {levels[0]}/{levels[1]} = {levels[0] / levels[1]:.2f}")
    if args.show:
        print("\n".join(sorted(lines)))
    return 0

if __name__ == "__main__":
    sys.exit(main())
