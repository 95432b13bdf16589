#!/usr/bin/env python3
"""score.py — accuracy of `disrupt detect` on a SYNTHETIC suite from `disrupt simulate --suite`.

Usage: score.py DISRUPT_BIN SUITE_DIR [--check] [-- DETECT_OPTIONS...]

For every case it runs `disrupt detect --json -` on the case's CSV files and matches detected
windows to the injected (truth.json) windows of the same signal, one to one, largest overlap
first. Prints window-level precision, recall and F1 (also per injected event kind, a false window
counted against the event nearest to it), kind accuracy over matched windows,
boundary errors in sampling steps (median and 90th percentile), and false windows on the
no-event cases. With --check, exits 1 when a target is missed:
F1 >= 0.9, kind accuracy >= 0.9, median boundary error <= 1 step, no false window on no-event
cases.
"""
import glob
import json
import os
import subprocess
import sys
from datetime import datetime, timezone


def seconds(iso):
    return int(datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp())


def detect(binary, case_dir, options):
    files = sorted(glob.glob(os.path.join(case_dir, "*.csv")))
    out = subprocess.run([binary, "detect", "--json", "-"] + options + files,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{case_dir}: disrupt detect failed: {out.stderr.strip()}")
    return json.loads(out.stdout)


def match(truth, found):
    """One-to-one pairs (truth, found) of the same signal, largest overlap first."""
    pairs = []
    for i, t in enumerate(truth):
        for j, f in enumerate(found):
            if t["signal"] != f["signal"]:
                continue
            overlap = min(t["end_s"], f["end_s"]) - max(t["start_s"], f["start_s"])
            if overlap > 0:
                pairs.append((overlap, i, j))
    pairs.sort(reverse=True)
    used_t, used_f, matched = set(), set(), []
    for _, i, j in pairs:
        if i not in used_t and j not in used_f:
            used_t.add(i)
            used_f.add(j)
            matched.append((truth[i], found[j]))
    return matched


def percentile(values, q):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    options = []
    if "--" in args:
        options = args[args.index("--") + 1:]
        args = args[:args.index("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary, suite = args
    n_truth = n_found = n_match = n_kind = 0
    errors = []
    quiet_cases = quiet_false = 0
    by_event = {}   # injected event -> [matched, truth, false detections nearest to it]
    cases = sorted(d for d in glob.glob(os.path.join(suite, "case-*")) if os.path.isdir(d))
    for case in cases:
        truth = json.load(open(os.path.join(case, "truth.json")))["windows"]
        result = detect(binary, case, options)
        steps = {s["name"]: s["step_seconds"] for s in result["signals"]}
        found = result["windows"]
        for w in truth + found:
            w["start_s"], w["end_s"] = seconds(w["start"]), seconds(w["end"])
        pairs = match(truth, found)
        n_truth += len(truth)
        n_found += len(found)
        n_match += len(pairs)
        n_kind += sum(1 for t, f in pairs if t["kind"] == f["kind"])
        for t, f in pairs:
            step = steps[f["signal"]]
            errors.append(abs(f["start_s"] - t["start_s"]) / step)
            errors.append(abs(f["end_s"] - t["end_s"]) / step)
        matched_found = {id(f) for _, f in pairs}
        for t in truth:
            by_event.setdefault(t["event"], [0, 0, 0])[1] += 1
        for t, f in pairs:
            by_event[t["event"]][0] += 1
        for f in found:
            if id(f) in matched_found:
                continue
            near = min(truth, default=None,
                       key=lambda t: abs(t["start_s"] - f["start_s"]) + abs(t["end_s"] - f["end_s"]))
            by_event.setdefault(near["event"] if near else "none", [0, 0, 0])[2] += 1
        if not truth:
            quiet_cases += 1
            quiet_false += len(found)
    precision = n_match / n_found if n_found else 1.0
    recall = n_match / n_truth if n_truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    kind = n_kind / n_match if n_match else float("nan")
    median = percentile(errors, 0.5)
    print(f"cases: {len(cases)} (SYNTHETIC), truth windows: {n_truth}, detected: {n_found}, matched: {n_match}")
    print(f"precision: {precision:.3f}  recall: {recall:.3f}  F1: {f1:.3f}")
    print(f"kind accuracy: {kind:.3f}")
    print(f"boundary error (steps): median {median:.1f}, 90th percentile {percentile(errors, 0.9):.1f}, "
          f"max {max(errors) if errors else float('nan'):.1f}")
    print(f"no-event cases: {quiet_cases}, false windows on them: {quiet_false}")
    scores = []
    for event in sorted(by_event):
        m, t, false = by_event[event]
        p = m / (m + false) if m + false else 1.0
        r = m / t if t else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        if t:
            scores.append(f)
        print(f"  {event:<11} truth {t:4d}  matched {m:4d}  false {false:3d}  F1 {f:.3f}")
    if scores:
        print(f"window F1 averaged per injected event kind: {sum(scores) / len(scores):.3f}")
    if not check:
        return 0
    missed = []
    if f1 < 0.9:
        missed.append(f"F1 {f1:.3f} < 0.9")
    if not kind >= 0.9:
        missed.append(f"kind accuracy {kind:.3f} < 0.9")
    if not median <= 1:
        missed.append(f"median boundary error {median:.1f} > 1 step")
    if quiet_false:
        missed.append(f"{quiet_false} false windows on no-event cases")
    targets_met = 4 - len(missed)
    for m in missed:
        print(f"target missed: {m}")
    print(f"score: {targets_met} passed, {len(missed)} failed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
