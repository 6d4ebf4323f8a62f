#!/usr/bin/env python3
"""Reports the fuzzing step of `make test` (scripts/fuzz-ci.sh: fuzz_coach
for 60 s, every other target over its seeds) as one meson test, so that
the summary line of the test run counts it. The fuzz targets need clang
and the test build uses gcc, so the step runs beside the test build and
leaves its counts in RESULT; this test only reads them. Skipped (77) when
the step has not run in this build folder.

usage: check_fuzz_ci.py RESULT
"""
import sys


def main():
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            words = f.read().split()
    except FileNotFoundError:
        print("no fuzzing result here; `make test` runs scripts/fuzz-ci.sh "
              "before the tests")
        sys.exit(77)
    if len(words) != 4 or words[0] != "passed" or words[2] != "failed":
        print("unreadable fuzzing result: %r" % words)
        sys.exit(1)
    passed, failed = int(words[1]), int(words[3])
    print("fuzzing: %d targets passed, %d failed (the lines above `make "
          "test`'s tests say which, and where the input and log are)"
          % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
