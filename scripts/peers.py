#!/usr/bin/env python3
"""Agreement of yblint with other Chinese-typography linters' own samples.

Reads the samples (zhlint's and autocorrect's fixtures, the Chinese
copywriting guidelines' right/wrong examples) from a TSV file at run time
(default ../shared/peers/samples.tsv; columns id, source, role, peer_issue,
text, peer_expected; `\\n` in text is a line break), writes each sample to a
temporary folder (`.md` when its id ends in `.md`, `.txt` otherwise), runs
yblint once over the folder in the peers' house style (a space between
Chinese and Latin letters or digits: `spacing = "space"`), and prints:

* wrong flagged: the share of `wrong` samples with at least one finding;
* right left alone: the share of `right` samples with no finding;
  both for all rules and for the typography rules only (categories
  punctuation and number: the peers have no yearbook-narration rules);
* the disagreements, each with the rules that fired (or none).

Where yblint disagrees on purpose, the rule's documentation
(`yblint rule NAME`) gives the GB/T 15834-2011 / 15835-2011 clause.

Usage: python3 scripts/peers.py [SAMPLES.tsv] [--bin target/release/yblint]
       [--style space|none] [--quiet]
Standard library only. Exit code 0 (it measures; it does not judge).
"""

import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile


def read_samples(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        row["text"] = row["text"].replace("\\n", "\n")
    return rows


def file_name(index, sample_id):
    ext = ".md" if sample_id.endswith(".md") else ".txt"
    return "s%03d%s" % (index, ext)


def run(binary, folder, style):
    config = os.path.join(folder, "yblint.toml")
    with open(config, "w", encoding="utf-8") as f:
        f.write('[rules.space-cjk-latin]\nspacing = "%s"\n' % style)
        # An older yblint has no space-stray rule: configure it only when known.
        known = subprocess.run([binary, "rule", "space-stray"], capture_output=True)
        if known.returncode == 0:
            f.write('[rules.space-stray]\nspacing = "%s"\n' % style)
    cmd = [binary, "check", "--format", "json", "--exit-zero", "--config", config, folder]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode not in (0, 1) and not out.stdout.strip():
        sys.exit("yblint failed (%d): %s" % (out.returncode, out.stderr.strip()))
    doc = json.loads(out.stdout)
    found = collections.defaultdict(list)
    for d in doc["diagnostics"]:
        found[os.path.basename(d["path"])].append((d["rule"], d["category"]))
    return found


# The peers check typography: punctuation, spacing and the forms of
# figures. yblint's yearbook rules (narration, time, arithmetic) have no
# counterpart there; the second figure leaves them out.
TYPOGRAPHY = {"punctuation", "number"}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_samples = os.path.normpath(os.path.join(here, "..", "..", "shared", "peers", "samples.tsv"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("samples", nargs="?", default=default_samples)
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "yblint"))
    ap.add_argument("--style", default="space", choices=["space", "none", "consistent"])
    ap.add_argument("--quiet", action="store_true", help="print the figures only")
    args = ap.parse_args()

    samples = read_samples(args.samples)
    with tempfile.TemporaryDirectory(prefix="yblint-peers-") as folder:
        names = []
        for i, s in enumerate(samples):
            name = file_name(i, s["id"])
            names.append(name)
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(s["text"] + "\n")
        found = run(args.bin, folder, args.style)

    wrong = [(s, n) for s, n in zip(samples, names) if s["role"] == "wrong"]
    right = [(s, n) for s, n in zip(samples, names) if s["role"] == "right"]
    missed = [(s, n) for s, n in wrong if not found.get(n)]
    flagged_right = [(s, n) for s, n in right if found.get(n)]

    def pct(a, b):
        return 100.0 * a / b if b else 0.0

    def typographic(n):
        return any(cat in TYPOGRAPHY for _, cat in found.get(n, []))

    print("samples: %s (%d wrong, %d right), style %s" % (args.samples, len(wrong), len(right), args.style))
    for label, hit in (("all rules", lambda n: bool(found.get(n))), ("typography rules", typographic)):
        caught = sum(1 for _, n in wrong if hit(n))
        alone = sum(1 for _, n in right if not hit(n))
        print("%-17s wrong flagged %d/%d = %.1f%%, right left alone %d/%d = %.1f%%" % (
            label + ":", caught, len(wrong), pct(caught, len(wrong)), alone, len(right), pct(alone, len(right))))
    if args.quiet:
        return
    print("\nwrong samples left alone (by the peer's issue):")
    for s, _ in sorted(missed, key=lambda x: x[0]["peer_issue"]):
        print("  %-10s %-34s %s" % (s["id"], s["peer_issue"][:34], s["text"].replace("\n", "\\n")[:70]))
    print("\nright samples flagged (rules):")
    for s, n in flagged_right:
        rules = ",".join(sorted(set(r for r, _ in found[n])))
        print("  %-10s %-34s %s" % (s["id"], rules[:34], s["text"].replace("\n", "\\n")[:70]))


if __name__ == "__main__":
    main()
