#!/usr/bin/env python3
"""`rapport coach` run as a user runs it: readable output with the span
marked, --json offsets, --role transcript, --rules and its errors,
--batch with bad lines, --eval on the coach's own check set.

usage: test_coach_cli.py RAPPORT CHECK.jsonl
"""
import json
import os
import sys
import tempfile

from harness import expect, expect_eq, main, run_cli

BIN, CHECK = sys.argv[1], sys.argv[2]


def coach(*args, stdin=None):
    return run_cli(BIN, "coach", *args,
                   stdin=stdin.encode("utf-8") if isinstance(stdin, str)
                   else stdin)


def test_readable_marks_the_span():
    code, out, err = coach("-", stdin="Hi Tom.\nThe offer ends tonight, "
                           "so sign today.\n")
    expect_eq(code, 0, "exit code")
    lines = out.splitlines()
    i = next(k for k, l in enumerate(lines) if l.startswith("2:"))
    expect("urgency" in lines[i], lines[i])
    expect(lines[i + 1].strip().startswith("The offer"), lines[i + 1])
    expect("^^^" in lines[i + 2], lines[i + 2])
    expect(lines[i + 3].strip().startswith("why:"), lines[i + 3])
    expect(lines[i + 4].strip().startswith("try:"), lines[i + 4])
    expect("Self-orientation" in out, out)


def test_json_offsets_are_code_points():
    text = "Caf\u00e9 \u2014 sign today, only 2 left!"
    code, out, err = coach("--json", stdin=text)
    expect_eq(code, 0, "exit code")
    r = json.loads(out)
    expect(r["findings"], out)
    raw = text.encode("utf-8")
    for f in r["findings"]:
        for key in ("label", "start", "end", "severity", "reason",
                    "suggestion", "byte_start", "byte_end"):
            expect(key in f, "finding lacks %s" % key)
        expect_eq(text[f["start"]:f["end"]],
                  raw[f["byte_start"]:f["byte_end"]].decode("utf-8"),
                  "span")
        expect_eq(text[f["start"]:f["end"]], f["text"], "text")
    expect("self_orientation" in r and "summary" in r, out)


def test_buyer_concerns():
    code, out, err = coach("--role", "buyer", "--json",
                           stdin="It's more than we budgeted and I need "
                           "to ask my wife.")
    labels = {f["label"] for f in json.loads(out)["findings"]}
    expect_eq(labels, {"price", "approval"}, "labels")


def test_transcript_figures():
    text = ("Dana: Hi Tom, how is the team finding the trial?\n"
            "Tom: Good, but the price worries me.\n"
            "Dana: Trust me, you need this. Sign today.\n")
    code, out, err = coach("--role", "transcript", "--seller", "Dana",
                           "--json", stdin=text)
    expect_eq(code, 0, "exit code: " + err)
    r = json.loads(out)
    expect_eq(r["seller"], "Dana", "seller")
    names = {s["name"]: s for s in r["speakers"]}
    expect_eq(names["Dana"]["questions"], 1, "questions")
    expect(abs(sum(s["talk_share"] for s in r["speakers"]) - 1) < 1e-9,
           "shares")
    expect_eq(r["reference"]["top_seller_talk_share"], 0.43, "reference")
    by = {(f["speaker"], f["label"]) for f in r["findings"]}
    expect(("Tom", "price") in by and ("Dana", "dismissal") in by, by)
    code, out, err = coach("--role", "transcript", "--seller", "Zed",
                           stdin=text)
    expect_eq(code, 1, "unknown seller")
    expect("Zed" in err, err)


def test_rules_file_override_and_errors():
    with tempfile.TemporaryDirectory() as d:
        good = os.path.join(d, "good.rules")
        with open(good, "w") as f:
            f.write("label urgency seller high\n  reason: R.\n"
                    "  suggest: S.\nrule urgency: banana\n")
        code, out, err = coach("--rules", good, "--json", stdin="A banana!")
        expect_eq(code, 0, "exit: " + err)
        expect_eq(json.loads(out)["findings"][0]["reason"], "R.", "reason")
        bad = os.path.join(d, "bad.rules")
        with open(bad, "w") as f:
            f.write("# ok\nrule urgency: x\n")
        code, out, err = coach("--rules", bad, stdin="x")
        expect_eq(code, 1, "exit")
        expect("line 2" in err, err)


def test_batch_goes_on_after_bad_lines():
    lines = [json.dumps({"id": "a", "role": "seller", "text": "Sign today"}),
             "{not json",
             json.dumps({"id": "c", "role": "pirate", "text": "x"}),
             json.dumps({"id": "d", "role": "buyer",
                         "text": "Too expensive"})]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl",
                                     delete=False) as f:
        f.write("\n".join(lines) + "\n")
    try:
        code, out, err = coach("--batch", f.name)
    finally:
        os.unlink(f.name)
    expect_eq(code, 1, "exit code with bad lines")
    rows = [json.loads(l) for l in out.splitlines()]
    expect_eq(len(rows), 4, "one line out per line in")
    expect_eq(rows[0]["id"], "a", "id")
    expect_eq(rows[0]["findings"][0]["label"], "urgency", "label")
    expect_eq(rows[1]["line"], 2, "bad line number")
    expect("error" in rows[1] and rows[2]["id"] == "c", rows)
    expect_eq(rows[3]["findings"][0]["label"], "price", "label")
    expect("line 2" in err and "line 3" in err, err)


def test_eval_figures_and_bad_line():
    code, out, err = coach("--eval", CHECK, "--json")
    expect_eq(code, 0, "exit: " + err)
    r = json.loads(out)
    for side in ("seller", "buyer"):
        expect(r[side]["micro"]["f1"] >= 0.9, "%s: %s" % (side, r[side]))
    code, out, err = coach("--eval", CHECK)
    expect("micro average" in out and "precision" in out, out)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl",
                                     delete=False) as f:
        f.write(json.dumps({"id": "x", "role": "seller", "text": "t",
                            "labels": ["price"]}) + "\n")
    try:
        code, out, err = coach("--eval", f.name)
    finally:
        os.unlink(f.name)
    expect_eq(code, 1, "bad label")
    expect("line 1" in err, err)


def test_usage_errors():
    code, out, err = coach("--role", "pirate", stdin="x")
    expect_eq(code, 2, "bad role")
    code, out, err = coach("--seller", "Dana", stdin="x")
    expect_eq(code, 2, "seller without transcript")
    code, out, err = coach("--help")
    expect("--batch" in out and "--eval" in out, out)


def test_bad_utf8_does_not_crash():
    code, out, err = coach("--json", stdin=b"\xff\xfe sign today \xc3")
    expect_eq(code, 0, "exit")
    r = json.loads(out)
    expect(r["summary"]["utf8_repaired"], out)


if __name__ == "__main__":
    main([test_readable_marks_the_span, test_json_offsets_are_code_points,
          test_buyer_concerns, test_transcript_figures,
          test_rules_file_override_and_errors,
          test_batch_goes_on_after_bad_lines, test_eval_figures_and_bad_line,
          test_usage_errors, test_bad_utf8_does_not_crash])
