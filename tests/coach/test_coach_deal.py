#!/usr/bin/env python3
"""The coach and a deal's concern ledger (issue 4): POST /api/v1/coach
?deal=ID[&apply=1] against the real server, and `rapport coach --deal ID
[--apply]` against a database of its own.

What is checked: one concern per distinct buyer finding, in the buyer's
words (the sentence, without a transcript's "Name:" prefix); whether the
same concern is on the ledger already (any status, case and spacing
ignored); apply adds the new ones with source coach and a second run adds
nothing; seller text gives no concerns and says so; unknown deal 404,
apply without a deal 400, a closed deal 422, and nothing half-written.

usage: test_coach_deal.py RAPPORT
"""
import json
import os
import shutil
import sys
import tempfile

from harness import Server, expect, expect_eq, main, run_cli

BIN = sys.argv[1]
SRV = None

BUYER = ("Hi Sam, thanks for the demo. It's more than we budgeted, "
         "honestly. I'll need to ask my CFO first.")
CALL = ("[00:00:05] Dana: Thanks for joining. This price is only good "
        "until Friday.\n"
        "Tom: Honestly it's more than we budgeted.\n"
        "Dana: You need this, trust me.\n")
SELLER = "The offer ends tonight, so sign today."
ELLIPSIS = "\u2026"


def create(path, body):
    r = SRV.post(path, body)
    expect_eq(r.status, 201, "POST %s (%r)" % (path, r))
    return r.json


def new_deal(title="Pilot"):
    org = create("/api/v1/organizations", {"name": "Org " + title})
    return create("/api/v1/deals", {"org_id": org["id"], "title": title,
                                    "source": "inbound"})


def coach(body, query=""):
    return SRV.post("/api/v1/coach" + query, body)


def ledger(deal_id):
    r = SRV.get("/api/v1/deals/%d/concerns" % deal_id)
    expect_eq(r.status, 200, "ledger (%r)" % r)
    return r.json["items"] if isinstance(r.json, dict) else r.json


def problem(resp, status, field):
    expect_eq(resp.status, status, "status (%r)" % resp)
    expect(resp.headers.get("Content-Type", "").startswith(
        "application/problem+json"), resp.headers.get("Content-Type"))
    expect_eq(resp.json.get("field"), field, "field (%r)" % resp.json)
    expect(resp.json.get("detail"), "a detail")
    return resp.json


def test_buyer_concerns_listed_not_added():
    d = new_deal()
    plain = coach({"text": BUYER, "role": "buyer"})
    r = coach({"text": BUYER, "role": "buyer"}, "?deal=%d" % d["id"])
    expect_eq(r.status, 200, "status (%r)" % r)
    j = r.json
    expect_eq(j["findings"], plain.json["findings"], "same findings")
    expect_eq(j["deal"], {"id": d["id"], "title": "Pilot",
                          "status": "open"}, "deal")
    cats = [c["category"] for c in j["concerns"]]
    expect_eq(sorted(cats), ["approval", "price"], "categories")
    words = {c["category"]: c["words"] for c in j["concerns"]}
    expect_eq(words["price"], "It's more than we budgeted, honestly.",
              "the sentence holding the span")
    expect_eq(words["approval"], "I'll need to ask my CFO first.", "words")
    for c in j["concerns"]:
        expect_eq(c["exists"], False, "new")
        expect_eq(c["existing_id"], None, "no existing id")
        expect_eq(c["added_id"], None, "not added")
        expect_eq(c["speaker"], None, "no speaker outside transcripts")
        f = j["findings"][c["finding"]]
        expect_eq(f["label"], c["category"], "finding index")
    expect_eq(j["applied"], False, "not applied")
    expect_eq(j["added"], [], "nothing added")
    expect_eq(j["note"], None, "no note for buyer text")
    expect_eq(ledger(d["id"]), [], "ledger untouched")


def test_apply_adds_once():
    d = new_deal()
    q = "?deal=%d&apply=1" % d["id"]
    r = coach({"text": BUYER, "role": "buyer"}, q)
    expect_eq(r.status, 200, "apply (%r)" % r)
    expect_eq(r.json["applied"], True, "applied")
    ids = r.json["added"]
    expect_eq(len(ids), 2, "two added")
    expect_eq(sorted(c["added_id"] for c in r.json["concerns"]), sorted(ids),
              "added ids per concern")
    rows = ledger(d["id"])
    expect_eq(sorted(c["id"] for c in rows), sorted(ids), "on the ledger")
    for c in rows:
        expect_eq(c["source"], "coach", "source coach")
        expect_eq(c["status"], "open", "open")
    again = coach({"text": BUYER, "role": "buyer"}, q)
    expect_eq(again.status, 200, "second apply (%r)" % again)
    expect_eq(again.json["added"], [], "second run adds nothing")
    expect_eq(sorted(c["existing_id"] for c in again.json["concerns"]),
              sorted(ids), "found on the ledger")
    expect(all(c["exists"] and c["existing_status"] == "open"
               for c in again.json["concerns"]), "exists")
    expect_eq(len(ledger(d["id"])), 2, "no duplicates")


def test_existing_concern_any_status_case_and_spacing():
    d = new_deal()
    c = create("/api/v1/deals/%d/concerns" % d["id"],
               {"category": "price",
                "words": "it's MORE than we  budgeted,\nhonestly."})
    r = SRV.post("/api/v1/concerns/%d/answer" % c["id"],
                 {"answer": "the cost model"})
    expect_eq(r.status, 200, "answer (%r)" % r)
    # the same words in another category are another concern
    create("/api/v1/deals/%d/concerns" % d["id"],
           {"category": "value", "words": "I'll need to ask my CFO first."})
    r = coach({"text": BUYER, "role": "buyer"},
              "?deal=%d&apply=1" % d["id"])
    expect_eq(r.status, 200, "apply (%r)" % r)
    by = {x["category"]: x for x in r.json["concerns"]}
    expect_eq(by["price"]["existing_id"], c["id"], "matched across case")
    expect_eq(by["price"]["existing_status"], "answered", "any status")
    expect_eq(by["approval"]["exists"], False, "category must match")
    expect_eq(len(r.json["added"]), 1, "only approval added")
    sources = sorted(x["source"] for x in ledger(d["id"]))
    expect_eq(sources, ["coach", "entered", "entered"], "sources")


def test_transcript_buyer_turns_only():
    d = new_deal()
    r = coach({"text": CALL, "role": "transcript", "seller": "Dana"},
              "?deal=%d" % d["id"])
    expect_eq(r.status, 200, "status (%r)" % r)
    labels = {f["label"] for f in r.json["findings"]}
    expect("urgency" in labels, "seller findings kept: %r" % labels)
    cs = r.json["concerns"]
    expect_eq([c["category"] for c in cs], ["price"], "buyer's only")
    expect_eq(cs[0]["words"], "Honestly it's more than we budgeted.",
              "no speaker prefix")
    expect_eq(cs[0]["speaker"], "Tom", "speaker")


def test_webvtt_tags_left_out():
    d = new_deal()
    vtt = ("WEBVTT\n\n00:00.000 --> 00:02.000\n<v Tom>Honestly it's more "
           "than we budgeted.</v>\n\n00:02.000 --> 00:04.000\n"
           "<v Dana>Sign today.</v>\n")
    r = coach({"text": vtt, "role": "transcript", "seller": "Dana"},
              "?deal=%d" % d["id"])
    expect_eq(r.status, 200, "status (%r)" % r)
    words = [c["words"] for c in r.json["concerns"]]
    expect_eq(words, ["Honestly it's more than we budgeted."], "clean words")


def test_long_sentence_cut_around_the_span():
    d = new_deal()
    filler = " ".join(["and"] * 200)
    text = ("We like it %s but it's more than we budgeted %s and so on."
            % (filler, filler))
    r = coach({"text": text, "role": "buyer"}, "?deal=%d" % d["id"])
    expect_eq(r.status, 200, "status (%r)" % r)
    cs = [c for c in r.json["concerns"] if c["category"] == "price"]
    expect_eq(len(cs), 1, "one price concern (%r)" % r.json["concerns"])
    w = cs[0]["words"]
    expect(len(w.encode("utf-8")) <= 300, "at most 300 bytes: %d"
           % len(w.encode("utf-8")))
    expect("more than we budgeted" in w, w)
    expect(w.startswith(ELLIPSIS) and w.endswith(ELLIPSIS), w)


def test_seller_with_deal_says_why():
    d = new_deal()
    r = coach({"text": SELLER}, "?deal=%d&apply=1" % d["id"])
    expect_eq(r.status, 200, "status (%r)" % r)
    expect(r.json["findings"], "seller findings")
    expect_eq(r.json["concerns"], [], "no concerns")
    expect_eq(r.json["added"], [], "nothing added")
    expect("no buyer concerns" in r.json["note"], r.json["note"])
    expect_eq(ledger(d["id"]), [], "ledger untouched")


def test_bad_deal_queries():
    problem(coach({"text": BUYER, "role": "buyer"}, "?deal=999999"), 404,
            "deal")
    problem(coach({"text": BUYER, "role": "buyer"}, "?apply=1"), 400,
            "apply")
    d = new_deal()
    for q in ["?deal=abc", "?deal=0", "?deal=-3",
              "?deal=99999999999999999999"]:
        problem(coach({"text": BUYER, "role": "buyer"}, q), 400, "deal")
    for q in ["&apply=2", "&apply=yes", "&apply="]:
        problem(coach({"text": BUYER, "role": "buyer"},
                      "?deal=%d%s" % (d["id"], q)), 400, "apply")
    # the body's own checks still come first
    problem(coach({"role": "buyer"}, "?deal=999999"), 400, "text")


def test_closed_deal_is_422():
    for status in ["lost", "no_fit", "won"]:
        d = new_deal("Closed " + status)
        r = SRV.post("/api/v1/deals/%d/status" % d["id"],
                     {"status": status})
        expect_eq(r.status, 200, "close (%r)" % r)
        for q in ["", "&apply=1"]:
            p = problem(coach({"text": BUYER, "role": "buyer"},
                              "?deal=%d%s" % (d["id"], q)), 422, "deal")
            expect(status in p["detail"] and "open deal" in p["detail"],
                   p["detail"])
        expect_eq(ledger(d["id"]), [], "nothing written")


# ---- the command line, on a database of its own ----

class Db:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="rapport-coach-deal-")
        self.path = os.path.join(self.dir, "test.db")
        for args in (["init"], ["people", "add", "--given", "Ana", "--org",
                                "Acme"],
                     ["deal", "add", "--org", "1", "--title", "Pilot",
                      "--source", "inbound"]):
            code, _, err = self.run(*args)
            expect_eq(code, 0, "%s (%s)" % (args, err))

    def run(self, *args, stdin=None):
        return run_cli(BIN, *(list(args) + ["--db", self.path]),
                       stdin=stdin)

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def test_cli_deal_and_apply():
    db = Db()
    try:
        text = BUYER.encode("utf-8")
        code, out, err = db.run("coach", "--role", "buyer", "--deal", "1",
                                "-", stdin=text)
        expect_eq(code, 0, "preview (%s)" % err)
        expect("2 concerns for its ledger" in out and
               "Add the 2 new ones with --apply" in out, out)
        code, out, err = db.run("coach", "--role", "buyer", "--deal", "1",
                                "--apply", "--json", "-", stdin=text)
        expect_eq(code, 0, "apply (%s)" % err)
        j = json.loads(out)
        expect_eq(len(j["added"]), 2, "added")
        api = coach({"text": BUYER, "role": "buyer"},
                    "?deal=%d" % new_deal()["id"]).json
        strip = ("exists", "existing_id", "existing_status", "added_id")
        expect_eq([{k: v for k, v in c.items() if k not in strip}
                   for c in j["concerns"]],
                  [{k: v for k, v in c.items() if k not in strip}
                   for c in api["concerns"]], "CLI and API agree")
        code, out, err = db.run("coach", "--role", "buyer", "--deal", "1",
                                "--apply", "-", stdin=text)
        expect_eq(code, 0, "again (%s)" % err)
        expect("Added 0 concerns" in out and "on the ledger (concern" in out,
               out)
        code, out, err = db.run("deal", "show", "1")
        expect_eq(out.count("(from the coach)"), 2, out)
        code, out, err = db.run("coach", "--deal", "1", "-",
                                stdin=SELLER.encode())
        expect_eq(code, 0, "seller (%s)" % err)
        expect("no buyer concerns" in out, out)
    finally:
        db.close()


def test_cli_bad_input():
    db = Db()
    try:
        cases = [(["coach", "--apply", "-"], 2, "--apply needs --deal"),
                 (["coach", "--deal", "x", "-"], 2, "is not an id"),
                 (["coach", "--deal", "7", "--role", "buyer", "-"], 1,
                  "there is no deal 7"),
                 (["coach", "--deal", "1", "--batch", "f.jsonl"], 2,
                  "--deal coaches one text")]
        for args, want, says in cases:
            code, out, err = db.run(*args, stdin=BUYER.encode())
            expect_eq(code, want, "%s exit (%s)" % (args, err))
            expect(says in err and err.count("\n") == 1, repr(err))
        code, _, err = run_cli(BIN, "coach", "--deal")
        expect_eq(code, 2, "--deal without a value")
        expect("needs a value" in err, err)
        code, _, err = db.run("deal", "status", "1", "lost")
        expect_eq(code, 0, "lose (%s)" % err)
        code, out, err = db.run("coach", "--role", "buyer", "--deal", "1",
                                "--apply", "-", stdin=BUYER.encode())
        expect_eq(code, 1, "closed deal")
        expect("lost" in err and "open deal" in err, err)
        code, out, err = run_cli(BIN, "coach", "--deal", "1", "--db",
                                 os.path.join(db.dir, "missing.db"), "-",
                                 stdin=BUYER.encode())
        expect_eq(code, 1, "missing database")
        expect("rapport init" in err, err)
    finally:
        db.close()


def run():
    global SRV
    SRV = Server(BIN)
    try:
        main([test_buyer_concerns_listed_not_added, test_apply_adds_once,
              test_existing_concern_any_status_case_and_spacing,
              test_transcript_buyer_turns_only, test_webvtt_tags_left_out,
              test_long_sentence_cut_around_the_span,
              test_seller_with_deal_says_why, test_bad_deal_queries,
              test_closed_deal_is_422, test_cli_deal_and_apply,
              test_cli_bad_input])
    finally:
        code, err = SRV.stop()
        if "Sanitizer" in err or "runtime error" in err:
            print("FAIL the server reported:\n" + err)
            sys.exit(1)


if __name__ == "__main__":
    run()
