#!/usr/bin/env python3
"""The coach's trainer (tools/coach_train): the same data gives the same
model byte for byte, bad input gets a message and no model, and the data
in data/coach/ reproduces the committed src/core/coach/coach_model_data.c
(if this fails after a change of the rules or the data, run
`make coach-model` and commit the result).

usage: test_coach_train.py COACH_TRAIN SOURCE_ROOT
"""
import os
import subprocess
import sys
import tempfile

from harness import expect, main

TRAIN, ROOT = sys.argv[1], sys.argv[2]
DATA = ["dev.jsonl", "authored-dev.jsonl", "authored-dev2.jsonl",
        "darkpatterns-dev.jsonl"]

TINY = "\n".join([
    '{"id": "t1", "role": "seller", "text": "Hurry, sign today!", '
    '"labels": ["urgency"]}',
    '{"id": "t2", "role": "seller", "text": "Hurry up and sign today.", '
    '"labels": ["urgency"]}',
    '{"id": "t3", "role": "seller", "text": "Here is the brochure.", '
    '"labels": []}',
    '{"id": "t4", "role": "seller", "text": "Here is the price list.", '
    '"labels": []}',
    '{"id": "t5", "role": "buyer", "text": "It is too expensive.", '
    '"labels": ["price"]}',
    '{"id": "t6", "role": "buyer", "text": "It is too expensive for us.", '
    '"labels": ["price"]}',
    '{"id": "t7", "role": "buyer", "text": "Sounds good to us.", '
    '"labels": []}',
]) + "\n"


def train(args):
    return subprocess.run([TRAIN] + args, capture_output=True, text=True,
                          timeout=280)


def test_tiny_set_is_deterministic():
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "tiny.jsonl")
        with open(src, "w") as f:
            f.write(TINY)
        outs = []
        for k in range(2):
            out = os.path.join(d, "m%d.c" % k)
            p = train(["--folds", "2", "--out", out, src])
            expect(p.returncode == 0, "trainer failed: %s" % p.stderr)
            with open(out, "rb") as f:
                outs.append(f.read())
        expect(outs[0] == outs[1], "two runs gave different models")
        expect(b"coach_model_builtin" in outs[0], "no model table written")


def test_bad_input_is_refused():
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "bad.jsonl")
        out = os.path.join(d, "m.c")
        with open(src, "w") as f:
            f.write('{"id": "x", "role": "seller", "text": "hi", '
                    '"labels": ["nope"]}\n')
        p = train(["--out", out, src])
        expect(p.returncode != 0, "a bad label was accepted")
        expect("unknown label" in p.stderr, "message: %s" % p.stderr)
        expect(not os.path.exists(out), "a model was written anyway")
        p = train(["--folds", "x", src])
        expect(p.returncode == 2 and "bad option" in p.stderr,
               "bad option: %s" % p.stderr)


def test_committed_model_is_reproduced():
    data = [os.path.join(ROOT, "data", "coach", n) for n in DATA]
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "coach_model_data.c")
        p = train(["--out", out] + data)
        expect(p.returncode == 0, "trainer failed: %s" % p.stderr)
        with open(out, "rb") as f:
            got = f.read()
    with open(os.path.join(ROOT, "src", "core", "coach",
                           "coach_model_data.c"), "rb") as f:
        want = f.read()
    expect(got == want, "the committed model is not what the data and "
           "rules give: run `make coach-model`")


if __name__ == "__main__":
    main([test_tiny_set_is_deterministic, test_bad_input_is_refused,
          test_committed_model_is_reproduced])
