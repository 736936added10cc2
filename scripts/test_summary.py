# Copyright 2026 linkedin_recruiter_connect contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Print `make test`'s summary from the rows the series runs wrote.

Each row of the results file is ``series<TAB>tier<TAB>status<TAB>passed
<TAB>failed<TAB>skipped<TAB>note``. Exits 1 when a row failed or a required
series wrote no row at all (its run died before recording anything).
"""

import argparse
import sys

FAILING = {"FAILED"}


def read_rows(path):
    """The result rows of ``path`` as tuples (counts as ints)."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            series, tier, status, passed, failed, skipped, note = (
                line.rstrip("\n").split("\t") + [""] * 7
            )[:7]
            counts = (int(passed), int(failed), int(skipped))
            rows.append((series, tier, status, *counts, note))
    return rows


def counts_text(counts):
    passed, failed, skipped = counts
    return f"{passed} passed, {failed} failed, {skipped} skipped"


def summary(rows, required, seconds=None):
    """The summary's lines and whether the whole run passed."""
    lines = ["", "=" * 24 + " linkedin_recruiter_connect: test summary " + "=" * 24]
    ok = True
    for series in required:
        if not any(row[0] == series for row in rows):
            note = "the series run recorded nothing"
            rows.append((series, "all tiers", "FAILED", 0, 1, 0, note))
    totals = [0, 0, 0]
    for series, tier, status, passed, failed, skipped, note in rows:
        lines.append(
            f"{series:<6} {tier:<18} {status:<8} {passed:>4} passed, {failed} failed, "
            f"{skipped} skipped {note}".rstrip()
        )
        totals = [totals[0] + passed, totals[1] + failed, totals[2] + skipped]
        ok = ok and status not in FAILING
    for series in sorted({row[0] for row in rows}):
        counts = [sum(row[i] for row in rows if row[0] == series) for i in (3, 4, 5)]
        lines.append(f"{series}: {counts_text(counts)}")
    timing = f" in {seconds // 60} min {seconds % 60} s" if seconds is not None else ""
    lines.append(f"total: {counts_text(totals)}{timing}")
    return lines, ok


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("--require", nargs="*", default=[])
    parser.add_argument("--seconds", type=int)
    args = parser.parse_args(argv)
    lines, ok = summary(read_rows(args.results), args.require, args.seconds)
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
