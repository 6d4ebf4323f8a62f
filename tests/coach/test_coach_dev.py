#!/usr/bin/env python3
"""The coach's quality floor: `rapport coach --eval` on the shared
development set must reach micro-F1 0.75 on each side (the goal is 0.85;
this is the floor). Skipped (exit 77) when the set is not there.

usage: test_coach_dev.py RAPPORT DEV.jsonl
"""
import json
import os
import sys

from harness import expect, main, run_cli

BIN, DEV = sys.argv[1], sys.argv[2]
FLOOR = 0.75


def test_dev_micro_f1_floor():
    code, out, err = run_cli(BIN, "coach", "--eval", DEV, "--json")
    expect(code == 0, "eval failed (%d): %s" % (code, err))
    figures = json.loads(out)
    for side in ("seller", "buyer"):
        f1 = figures[side]["micro"]["f1"]
        print("%s micro-F1 %.3f" % (side, f1))
        expect(f1 >= FLOOR, "%s micro-F1 %.3f is below %.2f"
               % (side, f1, FLOOR))


if __name__ == "__main__":
    if not os.path.exists(DEV):
        print("skipped: %s is not there (the shared coach data set)" % DEV)
        sys.exit(77)
    main([test_dev_micro_f1_floor])
