#!/bin/sh
# Measures roster loading and pupil-name scanning in release mode (not a unit test: timings depend
# on the machine). Generates a synthetic 50,000-row roster (made-up names built from syllables),
# a 30-row roster cut from it, and a ~2,000-word post, seals both (`postlint roster seal`), then
# runs the hidden measuring options of `postlint roster check` on the CSV and the sealed rosters:
#   --timing        time to read, parse and compile the roster
#   --scan DRAFT    mean time of the pupil-name check over DRAFT (already tokenised), --repeat N times
# Usage: scripts/roster-benchmark.sh [rows]   (from the package folder)
set -eu
rows=${1:-50000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product postlint >/dev/null
bin=$(swift build -c release --show-bin-path)/postlint

awk -v rows="$rows" 'BEGIN {
    srand(42)
    split("Oliver Amelia George Isla Harry Ava Noah Mia Jack Ivy Leo Freya Arthur Florence Muhammad Willow Oscar Sophia Charlie Grace Jacob Lily Thomas Evie Henry Rosie Theo Ella Archie Emily Alfie Poppy Isaac Sienna Max Daisy Finley Zoë Adam Siobhán", first, " ")
    split("ba be bi bo bu ca ce co da de di do fa fe fi ga ge ha he hi ka ke ki la le li lo ma me mi mo na ne ni no pa pe ra re ri ro sa se si so ta te ti to va ve wa we ya za", syllable, " ")
    split("son ton ley field well worth by more ham shaw", ending, " ")
    print "\357\273\277Legal Forename,Legal Surname,Preferred Forename,Year Group,Reg Group"
    for (i = 0; i < rows; i++) {
        f = first[int(rand() * 40) + 1]
        s = toupper(substr(syllable[int(rand() * 60) + 1], 1, 1)) substr(syllable[int(rand() * 60) + 1], 2) syllable[int(rand() * 60) + 1] ending[int(rand() * 10) + 1]
        if (rand() < 0.05) s = s "-" toupper(substr(syllable[int(rand() * 60) + 1], 1, 1)) "ale"
        printf "%s,\"%s\",%s,%d,%dA\r\n", f, s, (rand() < 0.1 ? "Sam" : ""), int(rand() * 7) + 1, int(rand() * 7) + 1
    }
}' > "$work/roster-$rows.csv"
head -31 "$work/roster-$rows.csv" > "$work/roster-30.csv"

# A post of ~2,000 words: school news, with a few names from the small roster.
names=$(sed -n '2,4p' "$work/roster-30.csv" | awk -F, '{ gsub(/"/, "", $2); printf "%s %s, ", $1, $2 }')
awk -v names="$names" 'BEGIN {
    for (i = 0; i < 100; i++) printf "This week Year %d visited the museum in May and the Summer Fair raised money. Will you help? Mrs Patel thanks everyone; %s\n", i % 6 + 1, (i % 25 == 0 ? names : "")
}' > "$work/post.txt"

echo "== load $rows rows"; "$bin" roster check --timing "$work/roster-$rows.csv"
echo "== load 30 rows"; "$bin" roster check --timing "$work/roster-30.csv"
echo "== scan with 30 names"; "$bin" roster check --scan "$work/post.txt" --repeat 200 "$work/roster-30.csv" | grep '^scan'
echo "== scan with $rows names"; "$bin" roster check --scan "$work/post.txt" --repeat 200 "$work/roster-$rows.csv" | grep '^scan'

export POSTLINT_ROSTER_KEY="roster benchmark key, not a secret"
"$bin" roster seal "$work/roster-$rows.csv" --output "$work/roster-$rows.sealed" > /dev/null
"$bin" roster seal "$work/roster-30.csv" --output "$work/roster-30.sealed" > /dev/null
echo "== sealed: $(wc -c < "$work/roster-$rows.sealed") bytes for $rows rows"
echo "== load sealed $rows rows"; "$bin" roster check --timing "$work/roster-$rows.sealed" | grep -E '^(pupils|load)'
echo "== load sealed 30 rows"; "$bin" roster check --timing "$work/roster-30.sealed" | grep -E '^(pupils|load)'
echo "== scan with 30 sealed names"; "$bin" roster check --scan "$work/post.txt" --repeat 200 "$work/roster-30.sealed" | grep '^scan'
echo "== scan with $rows sealed names"; "$bin" roster check --scan "$work/post.txt" --repeat 200 "$work/roster-$rows.sealed" | grep '^scan'
