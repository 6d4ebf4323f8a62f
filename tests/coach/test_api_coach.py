#!/usr/bin/env python3
"""POST /api/v1/coach against the real server: the reply is the object
`rapport coach --json` prints, every role, and every bad input answered
with problem+json naming the field (400 for shape and types, 422 for bad
values, 413 past 1 MiB).

usage: test_api_coach.py RAPPORT
"""
import json
import sys

from harness import Server, expect, expect_eq, main, run_cli

BIN = sys.argv[1]
SRV = None

SELLER = "Hi Tom.\nThe offer ends tonight, so sign today.\n"
BUYER = "It's more than we budgeted. I'll need to ask my CFO first."
CALL = ("Dana: Thanks for joining. This price is only good until Friday.\n"
        "Tom: Honestly it's more than we budgeted.\n"
        "Dana: You need this, trust me.\n")


def coach(body, query=""):
    return SRV.post("/api/v1/coach" + query, body)


def problem(resp, status, field):
    expect_eq(resp.status, status, "status (%r)" % resp)
    expect(resp.headers.get("Content-Type", "").startswith(
        "application/problem+json"), resp.headers.get("Content-Type"))
    p = resp.json
    expect_eq(p.get("status"), status, "problem status")
    if field is not None:
        expect_eq(p.get("field"), field, "problem field (%r)" % p)
    expect(p.get("detail"), "problem detail")
    return p


def cli_json(text, *args):
    code, out, err = run_cli(BIN, "coach", "--json", *args, "-",
                             stdin=text.encode("utf-8"))
    expect_eq(code, 0, "cli exit (%s)" % err)
    return json.loads(out)


def test_seller_same_as_cli():
    r = coach({"text": SELLER})
    expect_eq(r.status, 200, "status (%r)" % r)
    expect(r.headers.get("Content-Type", "").startswith("application/json"),
           r.headers.get("Content-Type"))
    expect_eq(r.json, cli_json(SELLER), "reply vs rapport coach --json")
    labels = [f["label"] for f in r.json["findings"]]
    expect("urgency" in labels, labels)
    expect_eq(r.json["role"], "seller", "default role")


def test_buyer_same_as_cli():
    r = coach({"text": BUYER, "role": "buyer"})
    expect_eq(r.status, 200, "status (%r)" % r)
    expect_eq(r.json, cli_json(BUYER, "--role", "buyer"), "reply vs cli")
    labels = {f["label"] for f in r.json["findings"]}
    expect({"price", "approval"} <= labels, labels)


def test_transcript_with_seller():
    r = coach({"text": CALL, "role": "transcript", "seller": "dana"})
    expect_eq(r.status, 200, "status (%r)" % r)
    expect_eq(r.json, cli_json(CALL, "--role", "transcript", "--seller",
                               "dana"), "reply vs cli")
    expect_eq(r.json["seller"], "Dana", "seller")
    expect_eq(r.json["seller_guessed"], False, "seller_guessed")


def test_role_in_query():
    r = coach({"text": BUYER}, "?role=buyer")
    expect_eq(r.status, 200, "status (%r)" % r)
    expect_eq(r.json["role"], "buyer", "role")


def test_offsets_with_non_ascii():
    text = "Caf\u00e9 \u2014 sign today, only 2 left!"
    r = coach({"text": text})
    expect_eq(r.status, 200, "status")
    for f in r.json["findings"]:
        expect_eq(text[f["start"]:f["end"]], f["text"], "span")


def test_empty_text_is_clean():
    r = coach({"text": ""})
    expect_eq(r.status, 200, "status")
    expect_eq(r.json["findings"], [], "findings")


def test_missing_text():
    problem(coach({"role": "seller"}), 400, "text")


def test_text_wrong_type():
    problem(coach({"text": 12}), 400, "text")
    problem(coach({"text": ["a"]}), 400, "text")
    problem(coach({"text": None}), 400, "text")


def test_role_wrong_type_and_value():
    problem(coach({"text": "hi", "role": 1}), 400, "role")
    p = problem(coach({"text": "hi", "role": "manager"}), 422, "role")
    expect("seller, buyer or transcript" in p["detail"], p["detail"])
    problem(coach({"text": "hi"}, "?role=boss"), 422, "role")


def test_role_twice():
    problem(coach({"text": "hi", "role": "buyer"}, "?role=buyer"), 400,
            "role")


def test_unknown_field():
    problem(coach({"text": "hi", "rol": "buyer"}), 400, "rol")


def test_unknown_query_parameter():
    problem(coach({"text": "hi"}, "?dael=1"), 400, "dael")
    # deal and apply are known (tests/coach/test_coach_deal.py)


def test_seller_only_for_transcripts():
    problem(coach({"text": "hi", "seller": "Dana"}), 422, "seller")
    problem(coach({"text": CALL, "role": "transcript", "seller": 5}), 400,
            "seller")
    problem(coach({"text": CALL, "role": "transcript", "seller": ""}), 422,
            "seller")


def test_seller_not_a_speaker():
    problem(coach({"text": CALL, "role": "transcript", "seller": "Zed"}),
            422, "seller")


def test_transcript_without_turns():
    problem(coach({"text": "no speakers here", "role": "transcript"}), 422,
            "text")


def test_not_an_object():
    problem(SRV.post("/api/v1/coach", ["text"]), 400, None)
    problem(SRV.post("/api/v1/coach", raw=b'{"text": "a',
                     headers={"Content-Type": "application/json"}), 400,
            None)


def test_invalid_utf8_refused():
    raw = b'{"text": "sign \xff today"}'
    problem(SRV.post("/api/v1/coach", raw=raw,
                     headers={"Content-Type": "application/json"}), 400,
            "body")


def test_nul_escape_refused():
    raw = b'{"text": "sign \\u0000 today"}'
    problem(SRV.post("/api/v1/coach", raw=raw,
                     headers={"Content-Type": "application/json"}), 400,
            "body")


def test_over_one_mib_is_413():
    text = "Please sign today. " * (1024 * 1024 // 19 + 10)
    problem(coach({"text": text}), 413, None)


def test_just_under_one_mib_is_coached():
    # the body, with its {"text": ""} wrapper, stays under 1 MiB
    n = 1024 * 1024 - 64
    text = ("No rush at all. " * (n // 16 + 1))[:n]
    r = coach({"text": text})
    expect_eq(r.status, 200, "status (%r)" % r)
    expect_eq(r.json["summary"]["bytes"], n, "bytes")


def test_get_not_allowed():
    r = SRV.get("/api/v1/coach")
    problem(r, 405, None)


def run():
    global SRV
    SRV = Server(BIN)
    try:
        main([test_seller_same_as_cli, test_buyer_same_as_cli,
              test_transcript_with_seller, test_role_in_query,
              test_offsets_with_non_ascii, test_empty_text_is_clean,
              test_missing_text, test_text_wrong_type,
              test_role_wrong_type_and_value, test_role_twice,
              test_unknown_field, test_unknown_query_parameter,
              test_seller_only_for_transcripts, test_seller_not_a_speaker,
              test_transcript_without_turns, test_not_an_object,
              test_invalid_utf8_refused, test_nul_escape_refused,
              test_over_one_mib_is_413, test_just_under_one_mib_is_coached,
              test_get_not_allowed])
    finally:
        code, err = SRV.stop()
        if "Sanitizer" in err or "runtime error" in err:
            print("FAIL the server reported:\n" + err)
            sys.exit(1)


if __name__ == "__main__":
    run()
